package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import java.time.Duration;

/**
 * The body of {@code sequence(name) { … }}: an event matching {@code first}, then one matching {@code then}
 * for the same key within {@code within}, for which {@code when { a, b -> … }} holds.
 */
@RuleApi
public final class SequenceSpec extends KeyedEventSpec {
    private RuleClosure first;
    private RuleClosure then;
    private RuleClosure when;
    private long withinNanos;

    SequenceSpec() {
        super(Severity.WARNING, AnySpec.DEFAULT_CHECK_GRID);
    }

    /** The first event of the pair (A). */
    public void first(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        first(null, predicate);
    }

    public void first(String sourceText,
                      @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        this.first = ruleClosure(predicate, sourceText, "first");
    }

    /** The second event of the pair (B), at or after A. */
    public void then(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                     @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        then(null, predicate);
    }

    public void then(String sourceText,
                     @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                     @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        this.then = ruleClosure(predicate, sourceText, "then");
    }

    /** How long after A a B may come. */
    public void within(Duration span) {
        this.withinNanos = nanos(span, "within");
    }

    /** A condition over both events, e.g. {@code when { a, b -> a.attr('country') != b.attr('country') }}. */
    public void when(@ClosureParams(value = SimpleType.class,
            options = {"io.seismo.rules.dsl.SeenEvent", "io.seismo.rules.dsl.SeenEvent"}) Closure<?> condition) {
        when(null, condition);
    }

    public void when(String sourceText,
                     @ClosureParams(value = SimpleType.class,
                             options = {"io.seismo.rules.dsl.SeenEvent", "io.seismo.rules.dsl.SeenEvent"}) Closure<?> condition) {
        this.when = ruleClosure(condition, sourceText, "when");
    }

    SequenceDefinition build(String name, String file, int line) {
        if (first == null || then == null) {
            throw new IllegalArgumentException("sequence needs both events: first { … } and then { … }");
        }
        if (withinNanos == 0) {
            throw new IllegalArgumentException("sequence needs a time limit: within 1.hour");
        }
        return new SequenceDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), first, then, when, withinNanos);
    }
}

package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;

/**
 * The body of {@code threshold(name) { … }}. The one-argument methods are what rule authors write; the
 * compiler turns them into the two-argument forms, passing the closure's source text.
 */
@RuleApi
public final class ThresholdSpec extends RuleSpec {
    static final WindowSpec DEFAULT_WINDOW = WindowSpec.sliding(Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(10).toNanos());

    private RuleClosure where;
    private RuleClosure by;
    private RuleClosure fireWhen;

    ThresholdSpec() {
        super(Severity.WARNING, DEFAULT_WINDOW);
    }

    /** Which events count; by default every log event. */
    public void where(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        where(null, predicate);
    }

    public void where(String sourceText,
                      @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                      @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        this.where = ruleClosure(predicate, sourceText, "where");
    }

    /** What to group by; by default the event's service. */
    public void by(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                   @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> key) {
        by(null, key);
    }

    public void by(String sourceText,
                   @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                   @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> key) {
        this.by = ruleClosure(key, sourceText, "by");
    }

    /** The condition over a key's window: sees {@code count}, {@code errors}, {@code warnings}, {@code errorRatio}. */
    public void fireWhen(@DelegatesTo(value = WindowView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.WindowView") Closure<?> condition) {
        fireWhen(null, condition);
    }

    public void fireWhen(String sourceText,
                         @DelegatesTo(value = WindowView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.WindowView") Closure<?> condition) {
        this.fireWhen = ruleClosure(condition, sourceText, "fireWhen");
    }

    ThresholdDefinition build(String name, String file, int line) {
        if (fireWhen == null) {
            throw new IllegalArgumentException("threshold needs a condition: fireWhen { errors >= 5 && errorRatio > 0.2 }");
        }
        return new ThresholdDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(), where, by, fireWhen);
    }
}

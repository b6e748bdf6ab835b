package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;

/**
 * What every rule over keyed log events says besides severity, labels and window: which events count
 * ({@code where}) and what to group them by ({@code by}). The one-argument forms are what rule authors
 * write; the compiler turns them into the two-argument forms, passing the closure's source text.
 */
@RuleApi
public abstract class KeyedEventSpec extends RuleSpec {
    private RuleClosure where;
    private RuleClosure by;

    KeyedEventSpec(Severity defaultSeverity, WindowSpec defaultWindow) {
        super(defaultSeverity, defaultWindow);
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

    RuleClosure chosenWhere() {
        return where;
    }

    RuleClosure chosenBy() {
        return by;
    }
}

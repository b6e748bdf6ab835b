package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;

/**
 * A keyed rule that decides on counts of events ({@code threshold}, {@code traces}, {@code session}): its
 * {@code fireWhen} sees {@code count}, {@code errors}, {@code warnings} and {@code errorRatio}.
 */
@RuleApi
public abstract class CountedEventSpec extends KeyedEventSpec {
    private RuleClosure fireWhen;

    CountedEventSpec(Severity defaultSeverity, WindowSpec defaultWindow) {
        super(defaultSeverity, defaultWindow);
    }

    /** The condition over a key's counts: sees {@code count}, {@code errors}, {@code warnings}, {@code errorRatio}. */
    public void fireWhen(@DelegatesTo(value = WindowView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.WindowView") Closure<?> condition) {
        fireWhen(null, condition);
    }

    public void fireWhen(String sourceText,
                         @DelegatesTo(value = WindowView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.WindowView") Closure<?> condition) {
        this.fireWhen = ruleClosure(condition, sourceText, "fireWhen");
    }

    RuleClosure chosenFireWhen() {
        return fireWhen;
    }
}

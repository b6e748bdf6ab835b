package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;

/**
 * The body of {@code ratio(name) { … }}: the share of a key's events ({@code denominator}, another name for
 * {@code where}) that also match {@code numerator}, over a window.
 */
@RuleApi
public final class RatioSpec extends KeyedEventSpec {
    private RuleClosure numerator;
    private RuleClosure fireWhen;

    RatioSpec() {
        super(Severity.WARNING, ThresholdSpec.DEFAULT_WINDOW);
    }

    /** Which of the counted events are the numerator, e.g. {@code numerator { level >= ERROR }}. */
    public void numerator(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                          @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        numerator(null, predicate);
    }

    public void numerator(String sourceText,
                          @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                          @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        this.numerator = ruleClosure(predicate, sourceText, "numerator");
    }

    /** Which events count toward the total; by default every log event. The same as {@code where}. */
    public void denominator(@DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                            @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        where(null, predicate);
    }

    public void denominator(String sourceText,
                            @DelegatesTo(value = EventView.class, strategy = Closure.DELEGATE_FIRST)
                            @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.EventView") Closure<?> predicate) {
        where(sourceText, predicate);
    }

    /** The condition over a key's window: sees {@code numerator}, {@code total} and {@code ratio}. */
    public void fireWhen(@DelegatesTo(value = RatioView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.RatioView") Closure<?> condition) {
        fireWhen(null, condition);
    }

    public void fireWhen(String sourceText,
                         @DelegatesTo(value = RatioView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.RatioView") Closure<?> condition) {
        this.fireWhen = ruleClosure(condition, sourceText, "fireWhen");
    }

    RatioDefinition build(String name, String file, int line) {
        if (numerator == null) {
            throw new IllegalArgumentException("ratio needs a numerator: numerator { level >= ERROR }");
        }
        if (fireWhen == null) {
            throw new IllegalArgumentException("ratio needs a condition: fireWhen { ratio > 0.05 && total >= 100 }");
        }
        return new RatioDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), numerator, chosenBy(), fireWhen);
    }
}

package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;

/** The body of {@code spike(name) { … }}: a key's count in the current window against its trailing baseline. */
@RuleApi
public final class SpikeSpec extends KeyedEventSpec {
    static final WindowSpec DEFAULT_WINDOW = WindowSpec.tumbling(Duration.ofMinutes(1).toNanos());
    static final Duration DEFAULT_BASELINE = Duration.ofMinutes(30);

    private long baselineNanos = DEFAULT_BASELINE.toNanos();
    private RuleClosure fireWhen;

    SpikeSpec() {
        super(Severity.WARNING, DEFAULT_WINDOW);
    }

    /** The trailing period the baseline is the mean over, a whole number of windows; default 30 minutes. */
    public void baseline(Duration span) {
        this.baselineNanos = nanos(span, "baseline");
    }

    /** The condition: sees {@code current} and {@code baseline}, e.g. {@code current > 3 * baseline && current >= 20}. */
    public void fireWhen(@DelegatesTo(value = SpikeView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.SpikeView") Closure<?> condition) {
        fireWhen(null, condition);
    }

    public void fireWhen(String sourceText,
                         @DelegatesTo(value = SpikeView.class, strategy = Closure.DELEGATE_FIRST)
                         @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.SpikeView") Closure<?> condition) {
        this.fireWhen = ruleClosure(condition, sourceText, "fireWhen");
    }

    SpikeDefinition build(String name, String file, int line) {
        if (fireWhen == null) {
            throw new IllegalArgumentException("spike needs a condition: fireWhen { current > 3 * baseline && current >= 20 }");
        }
        return new SpikeDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), baselineNanos, fireWhen);
    }
}

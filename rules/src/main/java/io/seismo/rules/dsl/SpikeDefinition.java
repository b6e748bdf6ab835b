package io.seismo.rules.dsl;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A spike rule. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param window        the current window, compared with the mean of the windows in {@code baselineNanos} before it
 * @param where         null: every log event counts
 * @param by            null: grouped by service
 */
public record SpikeDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        long baselineNanos,
        RuleClosure fireWhen) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    public SpikeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(fireWhen, "fireWhen");
        if (baselineNanos <= 0 || baselineNanos % window.sizeNanos() != 0) {
            throw new IllegalArgumentException("baseline (" + Duration.ofNanos(baselineNanos)
                    + ") must be a whole number of windows of " + Duration.ofNanos(window.sizeNanos()));
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        countingWindow(window, baselineNanos); // fails here, at load, when it would need too many buckets
    }

    /** The span each key's counts are kept for: the baseline and the current window, sliding as the rule does. */
    public WindowSpec countingWindow() {
        return countingWindow(window, baselineNanos);
    }

    /** How many windows the baseline is the mean over. */
    public long baselineWindows() {
        return baselineNanos / window.sizeNanos();
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by, fireWhen);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of(baselineNanos);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        return fireWhen.sourceText() != null ? fireWhen.sourceText() : "fireWhen at " + file + ":" + line;
    }

    public ViewCondition<SpikeView> newCondition() {
        return new ViewCondition<>(fireWhen, new SpikeView());
    }

    private static WindowSpec countingWindow(WindowSpec window, long baselineNanos) {
        return WindowSpec.sliding(Math.addExact(window.sizeNanos(), baselineNanos), window.slideNanos());
    }
}

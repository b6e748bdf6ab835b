package io.seismo.rules.dsl;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A metric rule: a threshold over aggregates of one metric's samples. Its findings are threshold findings.
 *
 * @param metric the metric name; samples named {@code metric} and {@code metric_bucket} are read
 * @param where  null: every sample of the metric counts
 * @param by     null: grouped by service
 */
public record MetricDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        String metric,
        RuleClosure where,
        RuleClosure by,
        RuleClosure fireWhen) implements RuleDefinition, KeyedRule {

    public MetricDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(fireWhen, "fireWhen");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        String condition = fireWhen.sourceText() != null ? fireWhen.sourceText() : "fireWhen at " + file + ":" + line;
        return metric + ": " + condition;
    }

    /** A fresh where/by for one engine's thread. */
    public MetricSelector newSelector() {
        return new MetricSelector(where, by);
    }

    /** A fresh condition for one engine's thread. */
    public MetricCondition newCondition() {
        return new MetricCondition(fireWhen);
    }
}

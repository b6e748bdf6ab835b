package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Per rule: {@code seismo_rule_evaluation_seconds{rule}} (time spent evaluating the rule on the correlator
 * thread) and {@code seismo_rule_evaluation_errors_total{rule}} (evaluations that threw). Rules come from
 * the operator's files, so the cap only guards against a generated rule folder.
 */
public final class RuleMetrics {
    private final BoundedChildren<Rule> rules;

    RuleMetrics(PrometheusRegistry registry, int maxRules, CounterDataPoint overflowed) {
        Histogram seconds = Histogram.builder().name("seismo_rule_evaluation_seconds")
                .help("Time spent evaluating a rule, per rule").labelNames("rule")
                .classicOnly()
                .classicUpperBounds(0.000001, 0.00001, 0.0001, 0.001, 0.01, 0.1, 1)
                .register(registry);
        Counter errors = Counter.builder().name("seismo_rule_evaluation_errors")
                .help("Rule evaluations that threw, per rule").labelNames("rule").register(registry);
        rules = new BoundedChildren<>(maxRules, name -> new Rule(seconds.labelValues(name), errors.labelValues(name)), overflowed);
    }

    /** The histogram child of a rule; look it up once per rule (at load) and keep it. */
    public DistributionDataPoint evaluationSeconds(String rule) {
        return rules.child(rule).seconds();
    }

    /** The error counter of a rule; look it up once per rule (at load) and keep it. */
    public CounterDataPoint evaluationErrors(String rule) {
        return rules.child(rule).errors();
    }

    private record Rule(DistributionDataPoint seconds, CounterDataPoint errors) {
    }
}

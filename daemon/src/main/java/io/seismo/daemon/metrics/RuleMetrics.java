package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Per rule: {@code seismo_rule_evaluation_seconds_total{rule}}, the correlator thread's time spent in the rule
 * (its rate is the share of a core the rule takes), {@code seismo_rule_evaluation_errors_total{rule}},
 * evaluations that threw, and {@code seismo_rule_late_events_total{rule,action}}, events behind the watermark
 * the rule counted or dropped. Rules come from the operator's files, so the cap only guards against a generated
 * rule folder.
 */
public final class RuleMetrics {
    private final BoundedChildren<Rule> rules;

    RuleMetrics(PrometheusRegistry registry, int maxRules, CounterDataPoint overflowed) {
        Counter seconds = Counter.builder().name("seismo_rule_evaluation_seconds")
                .help("Correlator time spent in a rule (events timed one in 64 and scaled, window ends every time)")
                .labelNames("rule").register(registry);
        Counter errors = Counter.builder().name("seismo_rule_evaluation_errors")
                .help("Rule evaluations that threw, per rule").labelNames("rule").register(registry);
        Counter late = Counter.builder().name("seismo_rule_late_events")
                .help("Events behind the watermark shown to a rule, by what the rule did with them (late COUNT|DROP)")
                .labelNames("rule", "action").register(registry);
        rules = new BoundedChildren<>(maxRules, name -> new Rule(seconds.labelValues(name), errors.labelValues(name),
                late.labelValues(name, "count"), late.labelValues(name, "drop")), overflowed);
    }

    /** Late events a rule counted into its windows. */
    public CounterDataPoint lateCounted(String rule) {
        return rules.child(rule).lateCounted();
    }

    /** Late events a rule dropped. */
    public CounterDataPoint lateDropped(String rule) {
        return rules.child(rule).lateDropped();
    }

    /** The time counter of a rule. */
    public CounterDataPoint evaluationSeconds(String rule) {
        return rules.child(rule).seconds();
    }

    /** The error counter of a rule. */
    public CounterDataPoint evaluationErrors(String rule) {
        return rules.child(rule).errors();
    }

    private record Rule(CounterDataPoint seconds, CounterDataPoint errors, CounterDataPoint lateCounted,
                        CounterDataPoint lateDropped) {
    }
}

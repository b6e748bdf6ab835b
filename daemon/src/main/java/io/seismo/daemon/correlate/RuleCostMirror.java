package io.seismo.daemon.correlate;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.seismo.daemon.metrics.RuleMetrics;
import io.seismo.rules.engine.RuleCost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the engine's running per-rule totals (time, errors, late events) into Prometheus counters as increments. A new
 * engine (a reload) starts its totals at zero, so the mirror forgets what it saw and counts on from there.
 * Correlator thread only.
 */
final class RuleCostMirror {
    private final RuleMetrics metrics;
    private final Map<String, RuleCost> seen = new HashMap<>();

    RuleCostMirror(RuleMetrics metrics) {
        this.metrics = metrics;
    }

    void mirror(List<RuleCost> costs) {
        for (RuleCost cost : costs) {
            String rule = cost.rule();
            RuleCost was = seen.put(rule, cost);
            if (was == null) {
                was = new RuleCost(rule, 0, 0, 0, 0);
            }
            add(metrics.evaluationSeconds(rule), (cost.nanos() - was.nanos()) / 1e9);
            add(metrics.evaluationErrors(rule), cost.errors() - was.errors());
            add(metrics.lateCounted(rule), cost.lateCounted() - was.lateCounted());
            add(metrics.lateDropped(rule), cost.lateDropped() - was.lateDropped());
        }
    }

    private static void add(CounterDataPoint counter, double increase) {
        if (increase > 0) {
            counter.inc(increase);
        }
    }

    /** The engine was replaced or restored: its totals start over from {@code costs}. */
    void restart(List<RuleCost> costs) {
        seen.clear();
        costs.forEach(cost -> seen.put(cost.rule(), cost));
    }
}

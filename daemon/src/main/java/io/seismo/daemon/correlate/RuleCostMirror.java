package io.seismo.daemon.correlate;

import io.seismo.daemon.metrics.RuleMetrics;
import io.seismo.rules.engine.RuleCost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the engine's running per-rule time and error totals into Prometheus counters as increments. A new
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
            RuleCost before = seen.put(cost.rule(), cost);
            long nanos = cost.nanos() - (before == null ? 0 : before.nanos());
            long errors = cost.errors() - (before == null ? 0 : before.errors());
            if (nanos > 0) {
                metrics.evaluationSeconds(cost.rule()).inc(nanos / 1e9);
            }
            if (errors > 0) {
                metrics.evaluationErrors(cost.rule()).inc(errors);
            }
        }
    }

    /** The engine was replaced or restored: its totals start over from {@code costs}. */
    void restart(List<RuleCost> costs) {
        seen.clear();
        costs.forEach(cost -> seen.put(cost.rule(), cost));
    }
}

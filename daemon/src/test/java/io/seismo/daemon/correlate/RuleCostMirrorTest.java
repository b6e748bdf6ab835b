package io.seismo.daemon.correlate;

import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.rules.engine.RuleCost;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RuleCostMirrorTest {
    private final DaemonMetrics metrics = new DaemonMetrics();
    private final RuleCostMirror mirror = new RuleCostMirror(metrics.ruleMetrics);

    @Test
    void shouldAddWhatEachTotalGrewByAndCountOnFromANewEngine() {
        mirror.mirror(List.of(new RuleCost("r", 2_000_000, 1, 3, 0)));
        mirror.mirror(List.of(new RuleCost("r", 5_000_000, 1, 4, 2)));
        mirror.restart(List.of(new RuleCost("r", 0, 0, 0, 0)));
        mirror.mirror(List.of(new RuleCost("r", 1_000_000, 2, 1, 0)));

        assertThat(metrics.ruleMetrics.evaluationSeconds("r").get()).isCloseTo(0.006, within(1e-12));
        assertThat(metrics.ruleMetrics.evaluationErrors("r").get()).isEqualTo(3.0);
        assertThat(metrics.ruleMetrics.lateCounted("r").get()).isEqualTo(5.0);
        assertThat(metrics.ruleMetrics.lateDropped("r").get()).isEqualTo(2.0);
    }
}

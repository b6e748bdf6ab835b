package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DaemonMetricsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final DaemonMetrics before = scrape(Map.of(0.0025, 10.0, 0.005, 20.0, 0.01, 30.0, 0.1, 40.0, INF, 40.0));
    // Since the first scrape: 100 findings, 25 within 2.5 ms, 60 within 5 ms, 90 within 10 ms, all within 100 ms.
    private final DaemonMetrics after = scrape(Map.of(0.0025, 35.0, 0.005, 80.0, 0.01, 120.0, 0.1, 140.0, INF, 140.0));

    @Test
    void shouldTellTheShareOfFindingsWithinABucketBoundBetweenTwoScrapes() {
        assertThat(DaemonMetrics.findingsWithinPercent(before, after, 0.005)).isCloseTo(60.0, within(1e-9));
        assertThat(DaemonMetrics.findingsWithinPercent(before, before, 0.005)).as("nothing observed").isNaN();
        assertThatThrownBy(() -> DaemonMetrics.findingsWithinPercent(before, after, 0.004))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket bound");
    }

    @Test
    void shouldTellTheBucketAQuantileFallsIn() {
        assertThat(DaemonMetrics.findingLatencyQuantile(before, after, 0.5)).isEqualTo(0.005);
        assertThat(DaemonMetrics.findingLatencyQuantile(before, after, 0.99)).isEqualTo(0.1);
    }

    private static DaemonMetrics scrape(Map<Double, Double> buckets) {
        return new DaemonMetrics(0, 0, 0, 0, 0, new TreeMap<>(buckets));
    }
}

package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DaemonMetricsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final Map<Double, Double> before = new TreeMap<>(Map.of(0.0025, 10.0, 0.005, 20.0, 0.01, 30.0, 0.1, 40.0, INF, 40.0));
    // Since the first scrape: 100 observations, 25 within 2.5 ms, 60 within 5 ms, 90 within 10 ms, all within 100 ms.
    private final Map<Double, Double> after = new TreeMap<>(Map.of(0.0025, 35.0, 0.005, 80.0, 0.01, 120.0, 0.1, 140.0, INF, 140.0));

    @Test
    void shouldTellTheShareWithinABucketBoundBetweenTwoScrapes() {
        assertThat(DaemonMetrics.withinPercent(before, after, 0.005)).isCloseTo(60.0, within(1e-9));
        assertThat(DaemonMetrics.withinPercent(before, before, 0.005)).as("nothing observed").isNaN();
        assertThatThrownBy(() -> DaemonMetrics.withinPercent(before, after, 0.004))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket bound");
    }

    @Test
    void shouldTellTheBucketAQuantileFallsIn() {
        assertThat(DaemonMetrics.quantile(before, after, 0.5)).isEqualTo(0.005);
        assertThat(DaemonMetrics.quantile(before, after, 0.99)).isEqualTo(0.1);
    }

    @Test
    void shouldReadTheCountersAndEachHistogramsBucketsApart() {
        DaemonMetrics metrics = DaemonMetrics.parse("""
                # TYPE seismo_ingest_events_total counter
                seismo_ingest_events_total 1234.0
                seismo_journal_bytes_total 356000.0
                seismo_outbox_syncs_total 42.0
                seismo_ingest_to_finding_seconds_bucket{le="0.005"} 3
                seismo_ingest_to_finding_seconds_bucket{le="+Inf"} 7
                seismo_ingest_to_correlator_seconds_bucket{le="0.005"} 40
                seismo_ingest_to_correlator_seconds_bucket{le="+Inf"} 50
                seismo_ingest_to_correlator_seconds_count 50
                """);

        assertThat(metrics.events()).isEqualTo(1234.0);
        assertThat(metrics.journalBytes()).isEqualTo(356000.0);
        assertThat(metrics.outboxSyncs()).isEqualTo(42.0);
        assertThat(metrics.findingLatencyBuckets()).containsExactly(Map.entry(0.005, 3.0), Map.entry(INF, 7.0));
        assertThat(metrics.ingestWaitBuckets()).containsExactly(Map.entry(0.005, 40.0), Map.entry(INF, 50.0));
    }
}

package io.seismo.daemon.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FindingLatencyTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final FindingLatency latency =
            new FindingLatency(registry, Clock.fixed(RECEIVED.plusMillis(3), ZoneOffset.UTC));

    @Test
    void shouldTimeEachFindingFromTheIngestOfTheEventThatReleasedIt() {
        latency.beforeEvent(epochNanos(RECEIVED));
        latency.onFindings(2);

        HistogramSnapshot.HistogramDataPointSnapshot point = point();
        assertThat(point.getCount()).isEqualTo(2);
        assertThat(point.getSum()).isCloseTo(0.006, within(1e-9));
    }

    @Test
    void shouldNotTimeFindingsReleasedByATickOrAReplayedLine() {
        latency.beforeEvent(epochNanos(RECEIVED));
        latency.beforeUntimed();
        latency.onFindings(3);
        latency.beforeEvent(epochNanos(RECEIVED));
        latency.onFindings(0);

        assertThat(point().getCount()).isZero();
    }

    @Test
    void shouldTimeFindingsOfDeferredWorkFromTheIngestOfTheEventThatLeftIt() {
        latency.beforeEvent(epochNanos(RECEIVED.minusMillis(7)));
        latency.deferCurrent();
        latency.beforeEvent(epochNanos(RECEIVED)); // later lines go on meanwhile
        latency.onFindings(1);
        latency.beforeDeferred();
        latency.onFindings(1);

        assertThat(point().getCount()).isEqualTo(2);
        assertThat(point().getSum()).as("3 ms for the line's own, 10 ms for the deferred one")
                .isCloseTo(0.013, within(1e-9));
    }

    private HistogramSnapshot.HistogramDataPointSnapshot point() {
        HistogramSnapshot snapshot = (HistogramSnapshot) registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("seismo_ingest_to_finding_seconds"))
                .findFirst().orElseThrow();
        return snapshot.getDataPoints().get(0);
    }

    private static long epochNanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}

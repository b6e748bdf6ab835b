package io.seismo.daemon.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IngestWaitTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final IngestWait wait = new IngestWait(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldTimeOneLineInSixtyFourFromItsIngest() {
        for (int line = 0; line < 2 * IngestWait.SAMPLE_EVERY + 1; line++) {
            // the first of each 64 waited 3 ms, the others 1 s
            long waited = line % IngestWait.SAMPLE_EVERY == 0 ? 3_000_000L : 1_000_000_000L;
            wait.onLine(EpochNanos.now(Clock.fixed(NOW, ZoneOffset.UTC)) - waited);
        }

        HistogramSnapshot.HistogramDataPointSnapshot point = ((HistogramSnapshot) registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("seismo_ingest_to_correlator_seconds"))
                .findFirst().orElseThrow()).getDataPoints().get(0);
        assertThat(point.getCount()).isEqualTo(3);
        assertThat(point.getSum()).isCloseTo(0.009, within(1e-9));
    }
}

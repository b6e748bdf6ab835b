package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Clock;

/**
 * How long live lines wait from their ingest to the correlator taking them: their batch's group commit and the
 * lines ahead of them in the ring. The part of {@code seismo_ingest_to_finding_seconds} that is queueing, not
 * rules. One line in {@link #SAMPLE_EVERY} is timed: reading the clock for every line would cost more than the
 * histogram is worth. Correlator thread only.
 */
public final class IngestWait {
    static final int SAMPLE_EVERY = 64;

    private final Histogram seconds;
    private final Clock clock;
    private long lines;

    IngestWait(PrometheusRegistry registry, Clock clock) {
        this.clock = clock;
        this.seconds = Histogram.builder().name("seismo_ingest_to_correlator_seconds")
                .help("From the ingest of a live line to the correlator taking it, one line in " + SAMPLE_EVERY)
                .classicOnly()
                .classicUpperBounds(FindingLatency.BUCKETS)
                .register(registry);
    }

    /** The correlator is about to take a live line received at {@code receivedEpochNanos}. */
    public void onLine(long receivedEpochNanos) {
        if (lines++ % SAMPLE_EVERY == 0) {
            seconds.observe(Math.max(0, EpochNanos.now(clock) - receivedEpochNanos) / 1e9);
        }
    }
}

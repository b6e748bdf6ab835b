package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Clock;

/**
 * The daemon's own share of detection latency: from the moment the ingest handler received the batch holding
 * an event to the moment the findings that event's processing produced are handed to alerting. It leaves out
 * what the rules wait for by design (a window's end, the allowed lateness): a finding is timed against the
 * event whose arrival released it. Findings a clock tick releases, and replayed lines, have no live ingest
 * moment and are not timed. Findings of work an event left for later (a boundary evaluated in slices) are timed
 * against that event.
 *
 * <p>Correlator thread only: {@link #beforeEvent} and {@link #onFindings} run there, so the field is plain.
 */
public final class FindingLatency {
    /** Seconds; 5 ms is issue 8's target for the p99. */
    static final double[] BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5};
    private static final long NO_EVENT = Long.MIN_VALUE;
    private final Histogram seconds;
    private final Clock clock;
    private long receivedEpochNanos = NO_EVENT;
    private long deferringEpochNanos = NO_EVENT;

    FindingLatency(PrometheusRegistry registry, Clock clock) {
        this.clock = clock;
        this.seconds = Histogram.builder().name("seismo_ingest_to_finding_seconds")
                .help("From the ingest of the event that released findings to their hand-off to alerting (replay and tick-released findings excluded)")
                .classicOnly()
                .classicUpperBounds(BUCKETS)
                .register(registry);
    }

    /** The correlator is about to process a live event received at {@code epochNanos}. */
    public void beforeEvent(long epochNanos) {
        receivedEpochNanos = epochNanos;
    }

    /** The correlator is about to process something with no live ingest moment: a tick or a replayed line. */
    public void beforeUntimed() {
        receivedEpochNanos = NO_EVENT;
    }

    /** The current input left work for later: its findings will be timed against this input's ingest. */
    public void deferCurrent() {
        deferringEpochNanos = receivedEpochNanos;
    }

    /** The correlator is about to do work the input passed to {@link #deferCurrent} left for later. */
    public void beforeDeferred() {
        receivedEpochNanos = deferringEpochNanos;
    }

    /** Findings were produced while processing the current input. */
    public void onFindings(int count) {
        if (receivedEpochNanos == NO_EVENT || count == 0) {
            return;
        }
        double secondsElapsed = Math.max(0, EpochNanos.now(clock) - receivedEpochNanos) / 1e9;
        for (int i = 0; i < count; i++) {
            seconds.observe(secondsElapsed);
        }
    }
}

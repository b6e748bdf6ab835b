package io.seismo.daemon.checkpoint;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Clock;
import java.time.Instant;

/**
 * The metrics of checkpoints, recovery and the journal's crash repair, registered in the daemon's registry.
 * The end-to-end crash tests read these names: keep them.
 */
public final class DurabilityMetrics {
    public final Histogram checkpointSeconds;
    public final Gauge checkpointBytes;
    public final CounterDataPoint checkpoints;
    public final CounterDataPoint checkpointFailures;
    public final CounterDataPoint checkpointFallbacks;
    public final CounterDataPoint journalTailTruncated;
    public final CounterDataPoint replayEvents;
    public final Gauge replaySeconds;
    public final CounterDataPoint reloadStateRestoreFailures;
    private final Clock clock;
    private volatile Instant lastCheckpoint;

    public DurabilityMetrics(PrometheusRegistry registry, Clock clock) {
        this.clock = clock;
        this.lastCheckpoint = clock.instant();
        checkpointSeconds = Histogram.builder().name("seismo_checkpoint_duration_seconds")
                .help("Time from a checkpoint barrier until its file is durable")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        checkpointBytes = Gauge.builder().name("seismo_checkpoint_bytes").help("Size of the last checkpoint file written")
                .register(registry);
        checkpoints = counter(registry, "seismo_checkpoints", "Checkpoints written and made durable");
        checkpointFailures = counter(registry, "seismo_checkpoint_failures",
                "Checkpoints not written (journal sync, state snapshot, alerting timeout or file write failed)");
        checkpointFallbacks = counter(registry, "seismo_checkpoint_fallbacks",
                "Checkpoint files skipped at start because they were torn, corrupt or unreadable");
        journalTailTruncated = counter(registry, "seismo_journal_tail_truncated",
                "Journal segments whose torn or corrupt tail was cut off at start");
        replayEvents = counter(registry, "seismo_replay_events", "Journal records replayed at start");
        replaySeconds = Gauge.builder().name("seismo_replay_seconds").help("Duration of the last journal replay at start")
                .register(registry);
        reloadStateRestoreFailures = counter(registry, "seismo_reload_state_restore_failures",
                "Reloads whose new engine could not take the running engine's state and started empty");
        GaugeWithCallback.builder().name("seismo_checkpoint_age_seconds")
                .help("Seconds since the last checkpoint was written or loaded (since start when there was none)")
                .callback(cb -> cb.call((clock.millis() - lastCheckpoint.toEpochMilli()) / 1000.0))
                .register(registry);
    }

    /** Records a checkpoint written now, or loaded at start (then {@code takenAt} is when it was written). */
    public void checkpointAt(Instant takenAt) {
        lastCheckpoint = takenAt;
    }

    Clock clock() {
        return clock;
    }

    private static CounterDataPoint counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }
}

package io.seismo.daemon.correlate;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.pipeline.Correlator;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.event.Event;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hosts the pure rules engine as the pipeline's correlator stage, and copies the engine's counters into
 * Prometheus on each tick (the engine's own counters are plain fields of the correlator thread).
 *
 * <p>A reload hands a new engine over with {@link #replace}; the correlator thread picks it up before its next
 * event or tick (a tick comes every 250 ms even when no log line does), so the engine is only ever touched by
 * that one thread.
 */
public final class EngineCorrelator implements Correlator {
    private final DaemonMetrics metrics;
    private final AtomicReference<CorrelationEngine> replacement = new AtomicReference<>();
    /** Written and read on the correlator thread only; not final because a reload swaps it. */
    private CorrelationEngine engine;
    private long lateSeen;
    private long evictedSeen;
    private long ruleErrorsSeen;

    public EngineCorrelator(CorrelationEngine engine, DaemonMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    /**
     * Runs {@code next} instead of the current engine from the correlator's next event or tick on. Safe from
     * any thread. The new engine starts empty: windows, open traces and the dependency graph are rebuilt from
     * the events that follow (issue 4 keeps the state of the rules a reload did not change).
     */
    public void replace(CorrelationEngine next) {
        replacement.set(next);
    }

    @Override
    public void onEvent(Event event) {
        swapIfReplaced();
        engine.onEvent(event);
    }

    @Override
    public void onTick(long nowNanos) {
        swapIfReplaced();
        engine.onTick(nowNanos);
        lateSeen = mirror(engine.lateEvents(), lateSeen, metrics.lateEvents);
        evictedSeen = mirror(engine.tracesEvicted(), evictedSeen, metrics.tracesEvicted);
        ruleErrorsSeen = mirror(engine.ruleErrors(), ruleErrorsSeen, metrics.ruleErrors);
        metrics.openTraces.set(engine.openTraces());
        metrics.watermarkSeconds.set(engine.watermarkNanos() / 1e9);
    }

    private void swapIfReplaced() {
        // A plain volatile read per event; the atomic write only when a reload is waiting.
        if (replacement.get() != null) {
            engine = replacement.getAndSet(null);
            // The new engine counts from zero, so the mirrored Prometheus counters continue from here.
            lateSeen = 0;
            evictedSeen = 0;
            ruleErrorsSeen = 0;
        }
    }

    private static long mirror(long now, long seen, CounterDataPoint counter) {
        if (now > seen) {
            counter.inc(now - seen);
        }
        return now;
    }
}

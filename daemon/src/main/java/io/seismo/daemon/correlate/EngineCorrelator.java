package io.seismo.daemon.correlate;

import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.pipeline.Correlator;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.event.Event;

/**
 * Hosts the pure rules engine as the pipeline's correlator stage, and copies the engine's counters into
 * Prometheus on each tick (the engine's own counters are plain fields of the correlator thread).
 */
public final class EngineCorrelator implements Correlator {
    private final CorrelationEngine engine;
    private final DaemonMetrics metrics;
    private long lateSeen;
    private long evictedSeen;
    private long ruleErrorsSeen;

    public EngineCorrelator(CorrelationEngine engine, DaemonMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(Event event) {
        engine.onEvent(event);
    }

    @Override
    public void onTick(long nowNanos) {
        engine.onTick(nowNanos);
        lateSeen = mirror(engine.lateEvents(), lateSeen, metrics.lateEvents);
        evictedSeen = mirror(engine.tracesEvicted(), evictedSeen, metrics.tracesEvicted);
        ruleErrorsSeen = mirror(engine.ruleErrors(), ruleErrorsSeen, metrics.ruleErrors);
        metrics.openTraces.set(engine.openTraces());
        metrics.watermarkSeconds.set(engine.watermarkNanos() / 1e9);
    }

    private static long mirror(long now, long seen, io.prometheus.metrics.core.datapoints.CounterDataPoint counter) {
        if (now > seen) {
            counter.inc(now - seen);
        }
        return now;
    }
}

package io.seismo.daemon.correlate;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.pipeline.Correlator;
import io.seismo.daemon.pipeline.StateCapture;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineSnapshot;
import io.seismo.rules.engine.PendingSnapshot;
import io.seismo.rules.engine.SealedSnapshot;
import io.seismo.rules.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hosts the pure rules engine as the pipeline's correlator stage, and copies the engine's counters into
 * Prometheus on each tick (the engine's own counters are plain fields of the correlator thread).
 *
 * <p>A reload hands a new engine over with {@link #replace}; the correlator thread picks it up before its next
 * event or tick (a tick comes every 250 ms even when no log line does), so the engine is only ever touched by
 * that one thread. The new engine takes the running one's state first, so the rules a reload did not change
 * keep their windows (the engine matches rules by identity).
 */
public final class EngineCorrelator implements Correlator {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCorrelator.class);
    /** Keys evaluated between two looks at the clock: about 0.1 ms in the end-to-end benchmark. */
    private static final int KEYS_PER_STEP = 256;
    private final DaemonMetrics metrics;
    private final CounterDataPoint stateRestoreFailures;
    private final AtomicReference<CorrelationEngine> replacement = new AtomicReference<>();
    private final RuleCostMirror ruleCosts;
    /** Written and read on the correlator thread only; not final because a reload swaps it. */
    private CorrelationEngine engine;
    private long lateSeen;
    private long evictedSeen;
    private long ruleErrorsSeen;

    /**
     * @param stateRestoreFailures counts reloads whose new engine could not take the running engine's state
     */
    public EngineCorrelator(CorrelationEngine engine, DaemonMetrics metrics, CounterDataPoint stateRestoreFailures) {
        this.engine = engine;
        this.metrics = metrics;
        this.stateRestoreFailures = stateRestoreFailures;
        this.ruleCosts = new RuleCostMirror(metrics.ruleMetrics);
        logWindowSharing(engine);
    }

    /**
     * Runs {@code next} instead of the current engine from the correlator's next event or tick on. Safe from
     * any thread. {@code next} must be fresh (no event taken); it starts from the running engine's state, or
     * empty when that cannot be carried over (logged and counted).
     */
    public void replace(CorrelationEngine next) {
        logWindowSharing(next);
        replacement.set(next);
    }

    /** Rules that share windows are costed together, under the first: the log says which they are. */
    private static void logWindowSharing(CorrelationEngine engine) {
        for (List<String> rules : engine.windowSharing()) {
            LOG.info("rules {} count the same events by the same key over the same window: they share one set of "
                    + "windows, and their cost is counted under '{}'", rules, rules.get(0));
        }
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
        ruleCosts.mirror(engine.ruleCosts());
        metrics.openTraces.set(engine.openTraces());
        metrics.watermarkSeconds.set(engine.watermarkNanos() / 1e9);
    }

    @Override
    public boolean hasDeferredWork() {
        return engine.isEvaluating();
    }

    @Override
    public void doDeferredWork(long budgetNanos) {
        long start = System.nanoTime();
        boolean complete;
        do {
            complete = engine.evaluateMore(KEYS_PER_STEP);
        } while (!complete && System.nanoTime() - start < budgetNanos);
    }

    @Override
    public byte[] snapshot() {
        swapIfReplaced();
        return engine.snapshot().toBytes();
    }

    @Override
    public StateCapture beginSnapshot() {
        swapIfReplaced();
        PendingSnapshot pending = engine.beginSnapshot();
        return new StateCapture() {
            private SealedSnapshot sealed;

            @Override
            public boolean advance(long budgetNanos) {
                return pending.advance(budgetNanos);
            }

            @Override
            public List<ByteBuffer> bytes() {
                if (sealed == null) {
                    sealed = pending.seal();
                }
                return sealed.bytes();
            }

            @Override
            public void release() {
                if (sealed != null) {
                    sealed.release();
                }
            }
        };
    }

    /** Loads a checkpoint's engine state into the (fresh) engine; empty bytes mean a checkpoint without engine state. */
    @Override
    public void restore(byte[] state) {
        if (state.length == 0) {
            return;
        }
        engine.restore(EngineSnapshot.fromBytes(state));
        // The engine's counters now continue from the saved ones; Prometheus counts from here.
        lateSeen = engine.lateEvents();
        evictedSeen = engine.tracesEvicted();
        ruleErrorsSeen = engine.ruleErrors();
        ruleCosts.restart(engine.ruleCosts());
    }

    private void swapIfReplaced() {
        // A plain volatile read per event; the atomic write only when a reload is waiting.
        if (replacement.get() != null) {
            CorrelationEngine next = replacement.getAndSet(null);
            carryState(next);
            engine = next;
            lateSeen = engine.lateEvents();
            evictedSeen = engine.tracesEvicted();
            ruleErrorsSeen = engine.ruleErrors();
            ruleCosts.restart(engine.ruleCosts());
        }
    }

    private void carryState(CorrelationEngine next) {
        try {
            next.restore(engine.snapshot());
        } catch (RuntimeException e) {
            stateRestoreFailures.inc();
            LOG.warn("the reloaded rules start with empty windows: the running engine's state could not be carried over ({})",
                    e.toString());
        }
    }

    private static long mirror(long now, long seen, CounterDataPoint counter) {
        if (now > seen) {
            counter.inc(now - seen);
        }
        return now;
    }
}

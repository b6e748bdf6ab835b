package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import io.seismo.daemon.metrics.DaemonMetrics;

/**
 * Hands parsed events and clock ticks to the correlator, in ring order, after journal and parsers are done
 * with them. Keeps the per-source high-water offsets of the lines it has passed on (live and replayed), and
 * at a checkpoint barrier hands the correlator's state, those offsets and the journal position on.
 */
final class CorrelatorHandler implements EventHandler<Slot> {
    private final Correlator correlator;
    private final BarrierHandler barriers;
    private final SourceOffsets correlatedOffsets;
    private final DaemonMetrics metrics;

    CorrelatorHandler(Correlator correlator, BarrierHandler barriers, SourceOffsets correlatedOffsets, DaemonMetrics metrics) {
        this.correlator = correlator;
        this.barriers = barriers;
        this.correlatedOffsets = correlatedOffsets;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        switch (slot.type) {
            case TICK -> {
                metrics.findingLatency.beforeUntimed();
                correlator.onTick(slot.tickNanos);
            }
            case CHECKPOINT -> barrier(slot);
            case LINE -> line(slot);
        }
    }

    private void line(Slot slot) {
        if (slot.offset >= 0) {
            correlatedOffsets.advance(slot.meta.source(), slot.offset + 1);
        }
        if (slot.parsed) {
            if (slot.replay) {
                metrics.findingLatency.beforeUntimed();
            } else {
                metrics.findingLatency.beforeEvent(slot.meta.receivedNanos());
            }
            correlator.onEvent(slot.event);
            metrics.eventsCorrelated.inc();
            metrics.serviceHealth.record(slot.event.getService(), slot.event.isError());
        }
    }

    private void barrier(Slot slot) {
        if (slot.barrierFailure != null || slot.barrierPosition == null) {
            barriers.onBarrierFailed(slot.barrierId, slot.barrierFailure == null
                    ? new IllegalStateException("the journal gave no position at the barrier") : slot.barrierFailure);
            return;
        }
        byte[] state;
        try {
            state = correlator.snapshot();
        } catch (RuntimeException e) {
            barriers.onBarrierFailed(slot.barrierId, e);
            return;
        }
        barriers.onBarrier(slot.barrierId, new BarrierState(slot.barrierPosition, correlatedOffsets.snapshot(), state));
    }
}

package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import io.seismo.daemon.metrics.DaemonMetrics;

/** Hands parsed events and clock ticks to the correlator, in ring order, after journal and parsers are done with them. */
final class CorrelatorHandler implements EventHandler<Slot> {
    private final Correlator correlator;
    private final DaemonMetrics metrics;

    CorrelatorHandler(Correlator correlator, DaemonMetrics metrics) {
        this.correlator = correlator;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        if (slot.type == SlotType.TICK) {
            correlator.onTick(slot.tickNanos);
            return;
        }
        if (slot.parsed) {
            correlator.onEvent(slot.event);
            metrics.eventsCorrelated.inc();
        }
    }
}

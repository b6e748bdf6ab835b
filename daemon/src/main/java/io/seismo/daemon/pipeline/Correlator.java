package io.seismo.daemon.pipeline;

import io.seismo.rules.event.Event;

/**
 * The stage after journal and parsers: the single writer of all detection state. The pipeline calls it on
 * one thread only; it must not keep the event past the call.
 */
public interface Correlator {
    void onEvent(Event event);

    void onTick(long nowNanos);

    /**
     * Whether earlier input left work for later: rules evaluating a window boundary in slices, so that the lines
     * behind the boundary need not wait for all their keys. The default is a correlator that leaves none.
     */
    default boolean hasDeferredWork() {
        return false;
    }

    /** Does deferred work for about {@code budgetNanos} (at least a little); called on the correlator thread. */
    default void doDeferredWork(long budgetNanos) {
    }

    /**
     * All detection state, for a checkpoint; called on the correlator thread between events. The default is a
     * correlator that keeps no state.
     */
    default byte[] snapshot() {
        return new byte[0];
    }

    /**
     * The state of this moment, as {@link #snapshot()} would give it, written out by later calls to
     * {@link StateCapture#advance} on the correlator thread. The default writes it all at once.
     */
    default StateCapture beginSnapshot() {
        return StateCapture.of(snapshot());
    }

    /**
     * Loads state saved by {@link #snapshot()} before the first event.
     *
     * @throws RuntimeException when the bytes cannot be read; the correlator is then left empty
     */
    default void restore(byte[] state) {
        if (state.length > 0) {
            throw new IllegalArgumentException("this correlator keeps no state, but " + state.length + " bytes were saved");
        }
    }
}

package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.JournalPosition;

import java.util.Map;

/**
 * The pipeline's state at a checkpoint barrier: the journal position just past the last line before it, the
 * per-source high-water offsets of the lines correlated by then, and the correlator's own state.
 */
public record BarrierState(JournalPosition position, Map<String, Long> sourceOffsets, byte[] correlatorState) {
    public BarrierState {
        sourceOffsets = Map.copyOf(sourceOffsets);
    }
}

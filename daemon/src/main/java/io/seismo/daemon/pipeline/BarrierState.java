package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.JournalPosition;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline's state at a checkpoint barrier: the journal position just past the last line before it, the
 * per-source high-water offsets of the lines correlated by then, and the correlator's own state of that moment,
 * which completes once the correlator thread has written it out (between the events after the barrier).
 */
public record BarrierState(JournalPosition position, Map<String, Long> sourceOffsets,
                           CompletableFuture<StateCapture> correlatorState) {
    public BarrierState {
        sourceOffsets = Map.copyOf(sourceOffsets);
    }
}

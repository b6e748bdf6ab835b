package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;

import java.time.Instant;
import java.util.Map;

/**
 * Everything a restart needs besides the journal: where in the journal the state below was taken, the
 * per-source high-water offsets, the engine's and alerting's state as opaque bytes, and when it was taken.
 * The byte arrays are owned by this value: never changed after it is made.
 */
public record Checkpoint(JournalPosition position, Map<String, Long> sourceOffsets, byte[] engineState,
                         byte[] alertingState, Instant takenAt) {
    public Checkpoint {
        sourceOffsets = Map.copyOf(sourceOffsets);
    }

    /** The bytes this checkpoint takes in its file, without header. */
    public long stateBytes() {
        return (long) engineState.length + alertingState.length;
    }
}

package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

/**
 * Everything a restart needs besides the journal: where in the journal the state below was taken, the
 * per-source high-water offsets, the engine's and alerting's state as opaque bytes, and when it was taken.
 * Nothing changes the bytes while this value is in use; the engine's state of a checkpoint being written is
 * lent by the correlator (a hundred megabytes, in a buffer it reuses) and given back once the file is written,
 * so of a written checkpoint only the position, offsets and time are read afterwards.
 */
public record Checkpoint(JournalPosition position, Map<String, Long> sourceOffsets, ByteBuffer engineState,
                         byte[] alertingState, Instant takenAt) {
    public Checkpoint {
        sourceOffsets = Map.copyOf(sourceOffsets);
        engineState = engineState.slice(); // a view of its own: reading it moves nobody else's position
    }

    /** The bytes this checkpoint takes in its file, without header. */
    public long stateBytes() {
        return (long) engineState.remaining() + alertingState.length;
    }

    /** A copy of the engine's state. */
    public byte[] engineStateBytes() {
        byte[] bytes = new byte[engineState.remaining()];
        engineState.duplicate().get(bytes);
        return bytes;
    }
}

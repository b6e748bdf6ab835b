package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a restart needs besides the journal: where in the journal the state below was taken, the
 * per-source high-water offsets, the engine's and alerting's state as opaque bytes (the engine's in pieces, to be
 * read one after the other), and when it was taken. Nothing changes the bytes while this value is in use; the
 * engine's state of a checkpoint being written is lent by the correlator (a hundred megabytes, in chunks it
 * reuses) and given back once the file is written, so of a written checkpoint only the position, offsets and
 * time are read afterwards.
 */
public record Checkpoint(JournalPosition position, Map<String, Long> sourceOffsets, List<ByteBuffer> engineState,
                         byte[] alertingState, Instant takenAt) {
    public Checkpoint {
        sourceOffsets = Map.copyOf(sourceOffsets);
        // Views of their own: reading them moves nobody else's position.
        engineState = engineState.stream().map(ByteBuffer::slice).toList();
    }

    /** The engine state's size in bytes. */
    public long engineStateLength() {
        long length = 0;
        for (ByteBuffer piece : engineState) {
            length += piece.remaining();
        }
        return length;
    }

    /** The bytes this checkpoint takes in its file, without header. */
    public long stateBytes() {
        return engineStateLength() + alertingState.length;
    }

    /** A copy of the engine's state, in one array. */
    public byte[] engineStateBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(engineStateLength()));
        engineState.forEach(piece -> bytes.put(piece.duplicate()));
        return bytes.array();
    }
}

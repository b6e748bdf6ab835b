package io.seismo.daemon.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes buffers to a file a chunk at a time and forces the written data to the device every {@code forceEvery}
 * bytes, so that a large file never has more than that waiting in the page cache. Chunks because the JDK copies a
 * heap buffer into a temporary direct buffer of its size before each write: for a whole engine state that was a
 * new, zeroed 100 MB block per checkpoint, where a chunk reuses one small block. The caller forces the rest (and
 * the metadata) once everything is written.
 */
final class PacedWrites {
    static final int CHUNK_BYTES = 1 << 20;

    private final FileChannel channel;
    private final long forceEvery;
    private long unforced;
    private int forces;

    PacedWrites(FileChannel channel, long forceEvery) {
        if (forceEvery < 1) {
            throw new IllegalArgumentException("forceEvery must be positive: " + forceEvery);
        }
        this.channel = channel;
        this.forceEvery = forceEvery;
    }

    /** Writes what remains of {@code part} (its position is left as it was). */
    void write(ByteBuffer part) throws IOException {
        ByteBuffer rest = part.duplicate();
        while (rest.hasRemaining()) {
            // Up to the next force: a step is never crossed, so each force covers exactly forceEvery bytes.
            int length = (int) Math.min(rest.remaining(), Math.min(CHUNK_BYTES, forceEvery - unforced));
            ByteBuffer chunk = rest.slice(rest.position(), length);
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            rest.position(rest.position() + length);
            unforced += length;
            if (unforced >= forceEvery) {
                channel.force(false);
                forces++;
                unforced = 0;
            }
        }
    }

    /** How many times the written data was forced so far. */
    int forces() {
        return forces;
    }
}

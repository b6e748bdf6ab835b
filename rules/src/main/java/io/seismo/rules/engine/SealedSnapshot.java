package io.seismo.rules.engine;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A complete snapshot framed into a buffer that the engine's later snapshots reuse: its bytes, as
 * {@link EngineSnapshot#toBytes()} would give them, are lent until {@link #release}. A checkpoint's state runs
 * to a hundred megabytes or more, and a new array for it at every checkpoint was a humongous allocation whose
 * pages the JVM zeroed and the kernel cleared each time: half of the checkpoint writer's CPU (perf).
 */
public final class SealedSnapshot {
    private final byte[] buffer;
    private final int length;
    private final AtomicReference<byte[]> spare;

    SealedSnapshot(byte[] buffer, int length, AtomicReference<byte[]> spare) {
        this.buffer = buffer;
        this.length = length;
        this.spare = spare;
    }

    /** A view of the framed bytes; not to be read after {@link #release}. */
    public ByteBuffer bytes() {
        return ByteBuffer.wrap(buffer, 0, length).slice();
    }

    /** Gives the buffer back for a later snapshot to write over; call once, when nothing reads the bytes any more. */
    public void release() {
        spare.set(buffer);
    }
}

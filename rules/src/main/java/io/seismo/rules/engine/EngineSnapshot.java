package io.seismo.rules.engine;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The whole state of a {@link CorrelationEngine} at one moment, as bytes that survive a restart: the
 * watermark, every rule's windows (by rule identity), the open traces and the dependency graph. A checkpoint
 * writes it next to the journal position it matches; recovery restores it and replays the journal after it.
 */
public final class EngineSnapshot {
    private final byte[] bytes;

    private EngineSnapshot(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps bytes produced by {@link #toBytes()}; their format is checked when they are restored. */
    public static EngineSnapshot fromBytes(byte[] bytes) {
        return new EngineSnapshot(bytes.clone());
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the bytes of {@link #toBytes()} without copying them first (a snapshot can be tens of MB). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    public int sizeBytes() {
        return bytes.length;
    }

    /** Takes bytes the engine has just written and nobody else holds, without a copy. */
    static EngineSnapshot own(byte[] bytes) {
        return new EngineSnapshot(bytes);
    }

    /** The bytes themselves, for the engine to read; never handed out. */
    byte[] bytes() {
        return bytes;
    }
}

package io.seismo.rules.engine;

import io.seismo.rules.state.StateOutput;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A complete snapshot framed into an output that the engine's later snapshots reuse: its bytes, as
 * {@link EngineSnapshot#toBytes()} would give them, are lent as chunks until {@link #release}. A checkpoint's state
 * runs to a hundred megabytes or more: framed into one array, it was a humongous allocation (zeroed by the JVM
 * and cleared by the kernel) whenever the state had outgrown the last one, which it does all through start-up,
 * and a checkpoint's late probes lined up with it. Chunks are never humongous, and only the growth is new.
 */
public final class SealedSnapshot {
    private final StateOutput framed;
    private final AtomicReference<StateOutput> spare;

    SealedSnapshot(StateOutput framed, AtomicReference<StateOutput> spare) {
        this.framed = framed;
        this.spare = spare;
    }

    /** The framed bytes, in order, as views of the chunks; not to be read after {@link #release}. */
    public List<ByteBuffer> bytes() {
        return framed.views();
    }

    /** Gives the output back for a later snapshot to write over; call once, when nothing reads the bytes any more. */
    public void release() {
        spare.set(framed);
    }
}

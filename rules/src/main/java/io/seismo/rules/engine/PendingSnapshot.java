package io.seismo.rules.engine;

import io.seismo.rules.state.DeferredState;
import io.seismo.rules.state.StateOutput;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A snapshot begun by {@link CorrelationEngine#beginSnapshot()}: the engine's state at that moment, of which
 * the large collections are still being written out. The engine's thread advances it between events; once
 * complete, any thread that has seen that (a future completed by the engine's thread, say) can frame it.
 */
public final class PendingSnapshot {
    /** Entries written between two looks at the clock: a few microseconds' worth. */
    private static final int ENTRIES_PER_CLOCK_CHECK = 32;
    /** A framed snapshot runs to megabytes at least: its chunks are as large as chunks go from the first. */
    private static final int SEALED_FIRST_CHUNK_BYTES = 256 * 1024;

    private final StateOutput out;
    private final List<DeferredState> parts;
    /** The output of an earlier snapshot framed by {@link #seal}, once released; shared by the engine's snapshots. */
    private final AtomicReference<StateOutput> spareSeal;
    private boolean framed;

    PendingSnapshot(StateOutput out, AtomicReference<StateOutput> spareSeal) {
        this.out = out;
        this.parts = out.deferredParts();
        this.spareSeal = spareSeal;
    }

    /**
     * Writes more of the state, for about {@code budgetNanos} (at least a few entries); true once complete.
     * Call on the engine's thread, between events.
     */
    public boolean advance(long budgetNanos) {
        long start = System.nanoTime();
        for (DeferredState part : parts) {
            while (!part.saveMore(ENTRIES_PER_CLOCK_CHECK)) {
                if (System.nanoTime() - start >= budgetNanos) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the rest at once, on the engine's thread. */
    public void finish() {
        advance(Long.MAX_VALUE);
    }

    public boolean isComplete() {
        return parts.stream().allMatch(DeferredState::isComplete);
    }

    /**
     * The framed snapshot, as {@link EngineSnapshot#toBytes()} of {@link CorrelationEngine#snapshot()} at the
     * moment this one began would be. Only once complete, and only once: its buffers then go to the next snapshot.
     */
    public synchronized byte[] toBytes() {
        requireFramable();
        byte[] sealed = SnapshotEnvelope.seal(out);
        framed();
        return sealed;
    }

    /**
     * The same bytes as {@link #toBytes()}, framed into the chunks of an earlier snapshot when one was released
     * (more chunks only as the state grew), and lent until {@link SealedSnapshot#release}. Only once complete,
     * and only once.
     */
    public synchronized SealedSnapshot seal() {
        requireFramable();
        StateOutput framed = spareSeal.getAndSet(null);
        if (framed == null) {
            framed = new StateOutput(SEALED_FIRST_CHUNK_BYTES);
        }
        SnapshotEnvelope.sealInto(out, framed);
        framed();
        return new SealedSnapshot(framed, spareSeal);
    }

    private void requireFramable() {
        if (framed) {
            throw new IllegalStateException("the snapshot was framed already, and its buffers given to the next one");
        }
        if (!isComplete()) {
            throw new IllegalStateException("the snapshot is not complete: advance it on the engine's thread first");
        }
    }

    private void framed() {
        framed = true;
        parts.forEach(DeferredState::release);
    }
}

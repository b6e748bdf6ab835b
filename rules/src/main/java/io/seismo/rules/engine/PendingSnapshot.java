package io.seismo.rules.engine;

import io.seismo.rules.state.DeferredState;
import io.seismo.rules.state.StateOutput;
import java.util.List;

/**
 * A snapshot begun by {@link CorrelationEngine#beginSnapshot()}: the engine's state at that moment, of which
 * the large collections are still being written out. The engine's thread advances it between events; once
 * complete, any thread that has seen that (a future completed by the engine's thread, say) can frame it.
 */
public final class PendingSnapshot {
    /** Entries written between two looks at the clock: a few microseconds' worth. */
    private static final int ENTRIES_PER_CLOCK_CHECK = 32;

    private final StateOutput out;
    private final List<DeferredState> parts;
    private boolean framed;

    PendingSnapshot(StateOutput out) {
        this.out = out;
        this.parts = out.deferredParts();
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
        if (framed) {
            throw new IllegalStateException("the snapshot was framed already, and its buffers given to the next one");
        }
        if (!isComplete()) {
            throw new IllegalStateException("the snapshot is not complete: advance it on the engine's thread first");
        }
        byte[] sealed = SnapshotEnvelope.seal(out);
        framed = true;
        parts.forEach(DeferredState::release);
        return sealed;
    }
}

package io.seismo.rules.state;

/**
 * A part of a snapshot that is fixed at the moment the snapshot is taken but written out later, a few entries
 * at a time between events, so that a checkpoint of millions of entries does not stop the engine's thread.
 */
public interface DeferredState {
    /** Writes up to {@code maxEntries} more entries; true once the whole part is written. */
    boolean saveMore(int maxEntries);

    /** Whether every entry is written; on any thread once a happens-before with the writing thread holds. */
    boolean isComplete();

    /** The part's size in bytes; only once complete. */
    int size();

    /** Appends the part to {@code target}; only once complete, on any thread after that. */
    void copyInto(StateOutput target);

    /**
     * Says the part has been copied out for the last time, so its buffers may serve a later snapshot; nothing may
     * be asked of it after. On any thread. Does nothing unless the part keeps buffers worth reusing.
     */
    default void release() {
    }
}

package io.seismo.rules.state;

/**
 * One entry of a large collection whose snapshot is written in slices ({@link DeferredEntries}): it remembers
 * its place in the snapshot being written until it has been saved, so that the collection can save it
 * before changing it.
 */
public abstract class SnapshotEntry {
    /** Not part of a snapshot being written, or already saved in it. */
    static final int SAVED = -1;

    private int snapshotSlot = SAVED;

    /** Part of a snapshot being written and not saved yet: its owner saves it before changing it. */
    public final boolean awaitsSave() {
        return snapshotSlot != SAVED;
    }

    final int snapshotSlot() {
        return snapshotSlot;
    }

    final void snapshotSlot(int slot) {
        snapshotSlot = slot;
    }
}

package io.seismo.rules.state;

import java.util.Collection;

/**
 * The entries of a collection as they are at the moment a snapshot is taken, written out later: in slices
 * ({@link #saveMore}) or, for an entry about to change, at once ({@link #saveBeforeChange}). The bytes come out in
 * the entries' order at that moment, the same as writing them all there and then, whatever order they were
 * saved in (the copy-on-write idea of Flink's heap state backend, applied to single entries).
 *
 * <p>The owner calls {@link #saveBeforeChange} before it changes or reuses an entry that
 * {@link SnapshotEntry#awaitsSave()}; entries it adds afterwards are not
 * part of the snapshot. Removing an entry needs nothing: the snapshot still holds it.
 *
 * @param <T> the entries' type
 */
public final class DeferredEntries<T extends SnapshotEntry> implements DeferredState {
    private final SnapshotEntry[] entries;
    private final EntryWriter<T> writer;
    private final StateOutput out;
    /** Where each slot's bytes start and end in {@link #out}, which holds them in the order they were saved. */
    private final int[] starts;
    private final int[] ends;
    private int nextSlot;
    private int unsaved;

    public DeferredEntries(Collection<T> entries, EntryWriter<T> writer) {
        this.entries = entries.toArray(new SnapshotEntry[0]);
        this.writer = writer;
        this.out = new StateOutput(Math.max(64, this.entries.length * 64));
        this.starts = new int[this.entries.length];
        this.ends = new int[this.entries.length];
        this.unsaved = this.entries.length;
        for (int slot = 0; slot < this.entries.length; slot++) {
            this.entries[slot].snapshotSlot(slot);
        }
    }

    /** Saves {@code entry} now if it is part of this snapshot and not saved yet. */
    public void saveBeforeChange(T entry) {
        int slot = entry.snapshotSlot();
        if (slot != SnapshotEntry.SAVED) {
            save(slot);
        }
    }

    @Override
    public boolean saveMore(int maxEntries) {
        int saved = 0;
        while (unsaved > 0 && saved < maxEntries) {
            SnapshotEntry entry = entries[nextSlot];
            if (entry != null) {
                save(nextSlot);
                saved++;
            }
            nextSlot++;
        }
        return unsaved == 0;
    }

    @Override
    public int size() {
        requireComplete();
        return out.size();
    }

    @Override
    public void copyInto(byte[] target, int offset) {
        requireComplete();
        int at = offset;
        for (int slot = 0; slot < starts.length; slot++) {
            int length = ends[slot] - starts[slot];
            out.copyRange(starts[slot], length, target, at);
            at += length;
        }
    }

    @SuppressWarnings("unchecked") // every element came from the Collection<T> given to the constructor
    private void save(int slot) {
        T entry = (T) entries[slot];
        entries[slot] = null; // saved once; and the snapshot no longer keeps the entry alive
        entry.snapshotSlot(SnapshotEntry.SAVED);
        starts[slot] = out.size();
        writer.write(entry, out);
        ends[slot] = out.size();
        unsaved--;
    }

    private void requireComplete() {
        if (unsaved > 0) {
            throw new IllegalStateException(unsaved + " entries of the snapshot are not saved yet");
        }
    }

    /** Writes one entry as it is now. */
    @FunctionalInterface
    public interface EntryWriter<T> {
        void write(T entry, StateOutput out);
    }
}

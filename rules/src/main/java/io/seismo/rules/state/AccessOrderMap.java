package io.seismo.rules.state;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hash map from string keys to entries in access order (the oldest is the one that went longest without a
 * {@link #get} or {@link #put}), like an access-ordered {@code LinkedHashMap}, whose entries carry their own
 * links. That lets {@link #writeTo} fix the map as it is and write it out later in slices ({@link
 * DeferredState#saveMore}) without first copying millions of references: a cursor walks the live order, and an
 * entry of the snapshot that is about to move, change or go is saved first (copy-on-write per entry, as Flink's
 * heap state backend does it per map). The bytes are the count and the entries, oldest first, as they were at
 * {@link #writeTo}. The links are slot numbers in int arrays rather than references between entries: touching
 * an entry, which happens for nearly every event, then writes no reference into the old generation, so the
 * collector has no cards to refine and rescan for it (G1's refinement threads took a fifth of a core for it at
 * 20,000 events/s, see bench/PERFORMANCE-LOG.md); for the same reason the keys' index is a {@link SlotIndex} of
 * primitive cells rather than a HashMap of nodes. The same stamps let a pass over every entry be made in slices
 * while the map goes on changing ({@link #beginPass}). Not thread-safe: one thread owns the map, the snapshot's
 * bytes excepted (see {@link DeferredState}).
 *
 * @param <E> the entries' type
 */
public final class AccessOrderMap<E extends SnapshotEntry> {
    private static final int NONE = -1;
    private static final int FIRST_CAPACITY = 16;

    private final SlotIndex index = new SlotIndex();
    /** The entry in each slot; null for a free slot. */
    private SnapshotEntry[] entries = new SnapshotEntry[FIRST_CAPACITY];
    /**
     * Per slot, at 2 × slot the slot of the entry used just before it (older) and at 2 × slot + 1 just after it
     * (newer); NONE at the ends. Side by side, so moving an entry to the newest end reads one cache line for its
     * two links, not one in each of two arrays.
     */
    private int[] links = new int[2 * FIRST_CAPACITY];
    /** Slots never used yet start here; freed slots are chained through their newer link. */
    private int unusedFrom;
    private int freeSlot = NONE;
    private int oldest = NONE;
    private int newest = NONE;
    private long clock;
    private int snapshots;
    /** Bytes per entry in the last snapshot: the next one starts its buffer at about its full size. */
    private long bytesPerEntry = 16;
    /**
     * The buffers of the last snapshot whose bytes were copied out (released on the thread that framed it): the next
     * snapshot writes into them instead of new arrays of about the same, often humongous, size.
     */
    private final AtomicReference<CutBuffers> spare = new AtomicReference<>();
    private int cutsOnSpareBuffers;
    /** The snapshot still being written, or null. */
    private Cut writing;
    private int passes;
    /** The pass still being made, or null. */
    private Pass passing;

    public int size() {
        return index.size();
    }

    public boolean isEmpty() {
        return index.size() == 0;
    }

    /**
     * The entry under {@code key}, now the newest; null if there is none. A pass that has not reached it yet
     * visits it first (and may remove it: then this is null), and a snapshot being written saves it first:
     * callers get an entry to change it.
     */
    public E get(CharSequence key) {
        int slot = index.find(key, entries);
        if (slot == SlotIndex.NONE) {
            return null;
        }
        E entry = at(slot);
        if (!visitIfPending(entry)) {
            return null;
        }
        beforeChange(entry);
        unlink(entry);
        linkNewest(entry);
        return entry;
    }

    /** Adds {@code entry} under its {@link SnapshotEntry#mapKey()} as the newest. */
    public void put(E entry) {
        if (index.find(entry.mapKey(), entries) != SlotIndex.NONE) {
            throw new IllegalStateException("an entry is already filed under '" + entry.mapKey() + "'");
        }
        entry.slot = takeSlot(entry);
        index.add(entry.mapKeyHash(), entry.slot);
        linkNewest(entry);
    }

    public void remove(E entry) {
        beforeChange(entry);
        unlink(entry);
        index.remove(entry.mapKeyHash(), entry.slot);
        freeSlot(entry);
    }

    /** Empties the map; a pass still being made ends there, its remaining entries unvisited. */
    public void clear() {
        if (writing != null) {
            writing.finish();
        }
        passing = null;
        index.clear();
        Arrays.fill(entries, null);
        unusedFrom = 0;
        freeSlot = NONE;
        oldest = NONE;
        newest = NONE;
    }

    public E oldest() {
        return at(oldest);
    }

    /** The entry after {@code entry} in access order; null after the newest. */
    public E newerThan(E entry) {
        return at(newer(entry.slot));
    }

    /** Call before changing {@code entry} in place, so that a snapshot being written gets it as it was. */
    public void beforeChange(E entry) {
        Cut cut = writing;
        if (cut != null && entry.stamp <= cut.stamp && entry.savedIn != cut.number) {
            cut.save(entry);
        }
    }

    /**
     * Writes the number of entries, then (later, see {@link DeferredState}) each entry as {@code writer} writes
     * it, oldest first, all as they are now. A snapshot begun while another is incomplete completes that one.
     */
    public void writeTo(StateOutput out, EntryWriter<E> writer) {
        if (writing != null) {
            writing.finish();
        }
        out.writeInt(index.size());
        Cut cut = new Cut(writer);
        writing = cut.isComplete() ? null : cut;
        out.writeDeferred(cut);
    }

    /**
     * Starts a pass that visits every entry in the map now, oldest first, {@link #visitMore a few at a time},
     * while the map goes on changing. An entry the pass has not reached yet is visited before {@link #get}
     * returns it; entries put from now on are not visited, and an entry removed unvisited is not either. A pass
     * begun while another is incomplete completes that one first.
     */
    public void beginPass(Visitor<E> visitor) {
        finishPass();
        Pass pass = new Pass(visitor);
        passing = pass.isComplete() ? null : pass;
    }

    /** Visits up to {@code maxEntries} more entries of the pass being made; says whether it is complete. */
    public boolean visitMore(int maxEntries) {
        Pass pass = passing;
        return pass == null || pass.visitMore(maxEntries);
    }

    /** Visits every entry left in the pass being made, if any. */
    public void finishPass() {
        visitMore(Integer.MAX_VALUE);
    }

    /** Whether a pass has entries left to visit. */
    public boolean isPassing() {
        return passing != null;
    }

    /** Visits {@code entry} now if the pass being made has not yet; says whether it is still in the map after. */
    private boolean visitIfPending(E entry) {
        Pass pass = passing;
        if (pass != null) {
            pass.visitIfPending(entry);
        }
        return entry.slot != NONE;
    }

    @SuppressWarnings("unchecked") // every entry in a slot was put as an E
    private E at(int slot) {
        return slot == NONE ? null : (E) entries[slot];
    }

    private int takeSlot(SnapshotEntry entry) {
        int slot;
        if (freeSlot != NONE) {
            slot = freeSlot;
            freeSlot = newer(slot);
        } else {
            if (unusedFrom == entries.length) {
                int capacity = Math.max(FIRST_CAPACITY, entries.length * 2);
                entries = Arrays.copyOf(entries, capacity);
                links = Arrays.copyOf(links, 2 * capacity);
            }
            slot = unusedFrom++;
        }
        entries[slot] = entry;
        return slot;
    }

    private void freeSlot(SnapshotEntry entry) {
        int slot = entry.slot;
        entries[slot] = null;
        setNewer(slot, freeSlot);
        freeSlot = slot;
        entry.slot = NONE;
    }

    private int older(int slot) {
        return links[2 * slot];
    }

    private int newer(int slot) {
        return links[2 * slot + 1];
    }

    private void setOlder(int slot, int olderSlot) {
        links[2 * slot] = olderSlot;
    }

    private void setNewer(int slot, int newerSlot) {
        links[2 * slot + 1] = newerSlot;
    }

    private void linkNewest(SnapshotEntry entry) {
        int slot = entry.slot;
        entry.stamp = ++clock;
        setOlder(slot, newest);
        setNewer(slot, NONE);
        if (newest == NONE) {
            oldest = slot;
        } else {
            setNewer(newest, slot);
        }
        newest = slot;
    }

    private void unlink(SnapshotEntry entry) {
        int slot = entry.slot;
        int before = older(slot);
        int after = newer(slot);
        Cut cut = writing;
        if (cut != null && cut.cursor == slot) {
            cut.cursor = after;
        }
        Pass pass = passing;
        if (pass != null && pass.cursor == slot) {
            pass.cursor = after;
        }
        if (before == NONE) {
            oldest = after;
        } else {
            setNewer(before, after);
        }
        if (after == NONE) {
            newest = before;
        } else {
            setOlder(after, before);
        }
    }

    /** Writes one entry as it is now. */
    @FunctionalInterface
    public interface EntryWriter<E> {
        void write(E entry, StateOutput out);
    }

    /** Sees one entry of a pass; may change, get or remove that entry (not others). */
    @FunctionalInterface
    public interface Visitor<E> {
        void visit(E entry);
    }

    /**
     * One pass over the map. Its entries are those stamped at or before {@link #stamp}; the ones not visited yet
     * lie from {@link #cursor} on, in their order, ahead of every entry used since (a get visits an entry before
     * it moves to the newest end, so the first entry stamped later ends the pass).
     */
    private final class Pass {
        final long stamp = clock;
        final int number = ++passes;
        final Visitor<E> visitor;
        int cursor = oldest;

        Pass(Visitor<E> visitor) {
            this.visitor = visitor;
        }

        boolean visitMore(int maxEntries) {
            for (int i = 0; i < maxEntries && cursor != NONE; i++) {
                SnapshotEntry entry = entries[cursor];
                if (entry.stamp > stamp) {
                    cursor = NONE;
                    break;
                }
                cursor = newer(cursor); // first: the visit may move or remove the entry
                visitIfPending(entry);
            }
            if (isComplete() && passing == this) {
                passing = null;
            }
            return isComplete();
        }

        @SuppressWarnings("unchecked") // every linked entry was put as an E
        void visitIfPending(SnapshotEntry entry) {
            if (entry.stamp <= stamp && entry.visitedIn != number) {
                entry.visitedIn = number;
                visitor.visit((E) entry);
            }
        }

        boolean isComplete() {
            return cursor == NONE;
        }
    }

    /**
     * What a snapshot of the map writes into: its bytes, each entry's stamp and place among them, and room to put
     * the entries in order when it is copied out (arrays of millions of entries, allocated once, not per snapshot).
     */
    private record CutBuffers(StateOutput out, long[] stamps, int[] starts, int[] ends, long[] sortedStamps,
                              int[] byRank) {
        CutBuffers(StateOutput out, int entries) {
            this(out, new long[entries], new int[entries], new int[entries], new long[entries], new int[entries]);
        }
    }

    /** Snapshots begun on the buffers of an earlier one. */
    int cutsOnSpareBuffers() {
        return cutsOnSpareBuffers;
    }

    /**
     * One snapshot of the map. The entries in it are those stamped at or before {@link #stamp}; the ones not
     * saved yet lie from {@link #cursor} on, in their order, ahead of every entry used since. Entries are saved
     * in any order and put back in stamp order, which is the map's order at the cut.
     */
    private final class Cut implements DeferredState {
        final long stamp = clock;
        final int number = ++snapshots;
        final int count = index.size();
        final EntryWriter<E> writer;
        final StateOutput out;
        final long[] stamps;
        final int[] starts;
        final int[] ends;
        final long[] sortedStamps;
        final int[] byRank;
        int saved;
        /** The slot of the oldest entry not saved yet, or of one saved before it changed. */
        int cursor = oldest;

        Cut(EntryWriter<E> writer) {
            this.writer = writer;
            CutBuffers buffers = spare.getAndSet(null);
            if (buffers == null || buffers.stamps.length < count) {
                // Bytes sized like the last snapshot (plus an eighth): a small map's in one small chunk, a large
                // map's from a chunk at the cap (StateOutput grows by chunks, not by copies of itself).
                buffers = new CutBuffers(new StateOutput((int) Math.min(Integer.MAX_VALUE - 64, 64 + count * bytesPerEntry * 9 / 8)),
                        count + count / 8);
            } else {
                buffers.out.reset();
                cutsOnSpareBuffers++;
            }
            this.out = buffers.out;
            this.stamps = buffers.stamps;
            this.starts = buffers.starts;
            this.ends = buffers.ends;
            this.sortedStamps = buffers.sortedStamps;
            this.byRank = buffers.byRank;
        }

        @Override
        public void release() {
            spare.set(new CutBuffers(out, stamps, starts, ends, sortedStamps, byRank));
        }

        @Override
        public boolean saveMore(int maxEntries) {
            for (int i = 0; i < maxEntries && saved < count; i++) {
                while (entries[cursor].savedIn == number) {
                    cursor = newer(cursor); // saved before it changed in place
                }
                int next = newer(cursor);
                save(entries[cursor]);
                cursor = next;
            }
            return isComplete();
        }

        @SuppressWarnings("unchecked") // every linked entry was put as an E
        void save(SnapshotEntry entry) {
            entry.savedIn = number;
            stamps[saved] = entry.stamp;
            starts[saved] = out.size();
            writer.write((E) entry, out);
            ends[saved] = out.size();
            saved++;
            if (saved == count && writing == this) {
                writing = null;
                cursor = NONE;
                bytesPerEntry = Math.max(1, out.size() / count);
            }
        }

        @Override
        public boolean isComplete() {
            return saved == count;
        }

        void finish() {
            saveMore(Integer.MAX_VALUE);
        }

        @Override
        public int size() {
            requireComplete();
            return out.size();
        }

        @Override
        public void copyInto(StateOutput target) {
            requireComplete();
            // An entry's rank among the stamps is its place in the map's order at the cut.
            StampOrder.sort(stamps, count, sortedStamps, byRank);
            for (int rank = 0; rank < count; rank++) {
                int i = byRank[rank];
                out.copyRange(starts[i], ends[i] - starts[i], target);
            }
        }

        private void requireComplete() {
            if (!isComplete()) {
                throw new IllegalStateException((count - saved) + " entries of the snapshot are not saved yet");
            }
        }
    }
}

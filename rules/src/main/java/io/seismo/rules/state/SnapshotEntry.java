package io.seismo.rules.state;

/**
 * An entry of an {@link AccessOrderMap}: it carries its own place in the map's access order, and what a
 * snapshot written in slices or a pass made in slices needs to know about it (when it was last used, which
 * snapshot saved it, which pass visited it).
 */
public abstract class SnapshotEntry {
    /** Where the entry's map keeps it and its links; -1 while it is in no map. */
    int slot = -1;
    /** When the entry was put or last got, on its map's clock: the map's order is the order of these. */
    long stamp;
    /** The number of the last snapshot of its map that saved this entry. */
    int savedIn;
    /** The number of the last pass over its map that visited this entry. */
    int visitedIn;

    /** The key the entry is filed under in its map. */
    protected abstract CharSequence mapKey();

    /** {@link String#hashCode()} of the characters of {@link #mapKey()}. */
    protected int mapKeyHash() {
        return SlotIndex.stringHash(mapKey());
    }

    /** Whether {@code key} has exactly the characters of {@link #mapKey()}. */
    protected boolean hasMapKey(CharSequence key) {
        CharSequence own = mapKey();
        return own instanceof String string ? string.contentEquals(key) : CharSequence.compare(own, key) == 0;
    }
}

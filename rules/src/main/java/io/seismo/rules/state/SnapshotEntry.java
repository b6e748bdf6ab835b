package io.seismo.rules.state;

/**
 * An entry of an {@link AccessOrderMap}: it carries its own place in the map's access order, and what a
 * snapshot being written in slices needs to know about it (when it was last used, which snapshot saved it).
 */
public abstract class SnapshotEntry {
    /** Where the entry's map keeps it and its links; -1 while it is in no map. */
    int slot = -1;
    /** When the entry was put or last got, on its map's clock: the map's order is the order of these. */
    long stamp;
    /** The number of the last snapshot of its map that saved this entry. */
    int savedIn;

    /** The key the entry is filed under in its map. */
    protected abstract String mapKey();
}

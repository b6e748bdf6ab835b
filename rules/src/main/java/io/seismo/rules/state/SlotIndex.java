package io.seismo.rules.state;

import java.util.Arrays;

/**
 * The hash index of an {@link AccessOrderMap}: from a key to the slot of its entry. Open addressing with linear
 * probing in one long array, each cell holding a key's hash (high half) and its entry's slot plus one (low half;
 * 0 is an empty cell). A lookup compares hashes inside the table and reads an entry only when they match, where a
 * {@code HashMap} follows a node to its key first; adding an entry allocates nothing and writes no reference into
 * the table, so the collector has no node to copy and promote and no card to scan for it.
 */
final class SlotIndex {
    static final int NONE = -1;
    private static final int FIRST_CAPACITY = 16;
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

    private long[] cells = new long[FIRST_CAPACITY];
    private int shift = Long.SIZE - Integer.numberOfTrailingZeros(FIRST_CAPACITY);
    private int size;

    int size() {
        return size;
    }

    /**
     * The slot of the entry filed under {@code key}, or {@link #NONE}; {@code entries} are the map's, by slot. The
     * key may be any characters (a parser's, say): it is hashed as the String of them would be.
     */
    int find(CharSequence key, SnapshotEntry[] entries) {
        int hash = stringHash(key);
        int mask = cells.length - 1;
        for (int i = home(hash); ; i = (i + 1) & mask) {
            long cell = cells[i];
            if (cell == 0) {
                return NONE;
            }
            if ((int) (cell >>> 32) == hash) {
                int slot = (int) cell - 1;
                if (entries[slot].hasMapKey(key)) {
                    return slot;
                }
            }
        }
    }

    /** {@link String#hashCode()} of the characters of {@code key}, without making the String. */
    static int stringHash(CharSequence key) {
        if (key instanceof String string) {
            return string.hashCode();
        }
        if (key instanceof CharKeyedEntry entry) {
            return entry.stringHash();
        }
        char[] held = key instanceof CharArrayView view ? view.charArray() : null;
        if (held != null) {
            return stringHash(held, key.length());
        }
        int hash = 0;
        for (int i = 0; i < key.length(); i++) {
            hash = 31 * hash + key.charAt(i);
        }
        return hash;
    }

    /** {@link String#hashCode()} of the first {@code length} characters of {@code chars}. */
    static int stringHash(char[] chars, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }

    /** Files {@code slot} under a key with hash {@code hash}; the key must not be filed yet. */
    void add(int hash, int slot) {
        // At most five eighths full: probes stay short, mostly within one cache line.
        if ((size + 1) * 8L > cells.length * 5L) {
            grow();
        }
        place(cell(hash, slot));
        size++;
    }

    /** Takes out {@code slot}, filed under a key with hash {@code hash}. */
    void remove(int hash, int slot) {
        int mask = cells.length - 1;
        long wanted = cell(hash, slot);
        int hole = home(hash);
        while (cells[hole] != wanted) {
            if (cells[hole] == 0) {
                throw new IllegalStateException("slot " + slot + " is not in the index");
            }
            hole = (hole + 1) & mask;
        }
        // Backward shift: move up every later cell of the run that may sit in the hole, so no lookup stops early.
        for (int next = (hole + 1) & mask; cells[next] != 0; next = (next + 1) & mask) {
            int nextHome = home((int) (cells[next] >>> 32));
            if (((next - nextHome) & mask) >= ((next - hole) & mask)) {
                cells[hole] = cells[next];
                hole = next;
            }
        }
        cells[hole] = 0;
        size--;
    }

    void clear() {
        Arrays.fill(cells, 0);
        size = 0;
    }

    private void grow() {
        long[] old = cells;
        cells = new long[old.length * 2];
        shift--;
        for (long cell : old) {
            if (cell != 0) {
                place(cell);
            }
        }
    }

    private void place(long cell) {
        int mask = cells.length - 1;
        int i = home((int) (cell >>> 32));
        while (cells[i] != 0) {
            i = (i + 1) & mask;
        }
        cells[i] = cell;
    }

    /** Where a hash's run starts: the top bits of a Fibonacci product, which spreads strings' nearby hashes. */
    private int home(int hash) {
        return (int) ((hash * FIBONACCI) >>> shift);
    }

    private static long cell(int hash, int slot) {
        return ((long) hash << 32) | ((slot + 1) & 0xFFFF_FFFFL);
    }
}

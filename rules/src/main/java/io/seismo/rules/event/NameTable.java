package io.seismo.rules.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Distinct names in arrival order, each found by its position: a trace's services, an event's field names. Most
 * have a handful, and a million open traces must fit in a gigabyte, so the table is one small array scanned in
 * turn (shared name Strings meet equals' identity check first); past {@link #SCAN_LIMIT} names a hash index joins
 * it, so thousands of names cost no quadratic scan. Names are not null. Not thread-safe.
 */
public final class NameTable {
    public static final int SCAN_LIMIT = 16;
    private static final String[] NO_NAMES = new String[0];

    private String[] names = NO_NAMES;
    private int size;
    private Map<String, Integer> index;

    public int size() {
        return size;
    }

    /** The position of {@code name}, or -1 when it was not added. */
    public int indexOf(String name) {
        if (index != null) {
            Integer position = index.get(name);
            return position == null ? -1 : position;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds {@code name}, which the caller found absent, and returns its position. */
    public int add(String name) {
        if (size == names.length) {
            names = Arrays.copyOf(names, Math.max(2, size * 2));
        }
        int position = size++;
        names[position] = name;
        if (index != null) {
            index.put(name, position);
        } else if (size > SCAN_LIMIT) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(names[i], i);
            }
        }
        return position;
    }

    public String nameAt(int position) {
        return names[position];
    }

    /** Forgets every name (and the references to them) and keeps the array for the next ones. */
    public void clear() {
        Arrays.fill(names, 0, size, null);
        size = 0;
        index = null;
    }
}

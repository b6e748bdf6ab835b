package io.seismo.rules.correlate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Distinct names in arrival order, each found by its position: a trace's services and its span ids. Most
 * traces have a handful of each, and a million open traces must fit in a gigabyte, so the table is one small
 * array scanned in turn; past {@link #SCAN_LIMIT} names a hash index joins it.
 */
final class NameTable {
    static final int SCAN_LIMIT = 16;
    private static final String[] NO_NAMES = new String[0];

    private String[] names = NO_NAMES;
    private int size;
    private Map<String, Integer> index;

    int size() {
        return size;
    }

    /** The position of {@code name}, or -1 when it was not added. */
    int indexOf(String name) {
        if (index != null) {
            Integer position = index.get(name);
            return position == null ? -1 : position;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) { // shared names hit equals' identity check first
                return i;
            }
        }
        return -1;
    }

    /** Adds {@code name}, which the caller found absent, and returns its position. */
    int add(String name) {
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

    String nameAt(int position) {
        return names[position];
    }
}

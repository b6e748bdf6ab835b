package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

import java.util.Arrays;
import java.util.Objects;

/**
 * The attributes of one line, staged until the whole line has parsed: each name with either a String (a value that
 * repeats) or characters copied into one array reused from line to line (a value not seen before), which the event
 * takes as characters, so such a value becomes a String only if a rule reads it.
 */
final class StagedAttributes {
    private static final int FIRST_CAPACITY = 8;

    private String[] names = new String[FIRST_CAPACITY];
    private String[] values = new String[FIRST_CAPACITY];
    private int[] starts = new int[FIRST_CAPACITY];
    private int[] ends = new int[FIRST_CAPACITY];
    private char[] chars = new char[256];
    private int charsUsed;
    private int size;

    void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        charsUsed = 0;
    }

    void add(String name, String value) {
        int at = nextPosition();
        names[at] = name;
        values[at] = Objects.requireNonNull(value, "a staged value");
    }

    /** Adds the characters {@code start} to {@code end} of {@code text}, copied: the caller may reuse its array. */
    void add(String name, char[] text, int start, int end) {
        int length = end - start;
        if (charsUsed + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(charsUsed + length, chars.length * 2));
        }
        System.arraycopy(text, start, chars, charsUsed, length);
        int at = nextPosition();
        names[at] = name;
        starts[at] = charsUsed;
        charsUsed += length;
        ends[at] = charsUsed;
    }

    /** Puts every staged attribute into {@code out}, in the order they were added. */
    void commitTo(Event out) {
        for (int i = 0; i < size; i++) {
            if (values[i] != null) {
                out.putAttr(names[i], values[i]);
            } else {
                out.putAttr(names[i], chars, starts[i], ends[i]);
            }
        }
    }

    private int nextPosition() {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        values[size] = null;
        return size++;
    }
}

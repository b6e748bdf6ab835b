package io.seismo.rules.correlate;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;

/**
 * Span ids each with an int, kept as the bytes a snapshot saves them as (the id as {@link
 * StateOutput#writeString}, then the int as {@link StateOutput#writeInt}), back to back in one array: a trace
 * holds one array instead of two objects per id, which a million open traces and every checkpoint of them
 * feel. Found by scanning; the tables built on it add what they need.
 */
final class SpanEntries {
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_ENDS = new int[0];

    private byte[] entries = NO_BYTES;
    private int used;
    /** Where each entry ends; its int is the entry's last four bytes. */
    private int[] ends = NO_ENDS;
    private int size;

    int size() {
        return size;
    }

    /** Forgets every entry, keeping the arrays for the next ones. */
    void clear() {
        used = 0;
        size = 0;
    }

    /** The bytes the entries' array holds on to, used or not. */
    int retainedBytes() {
        return entries.length;
    }

    void add(SpanKey id, int value) {
        int length = id.length() + Integer.BYTES;
        if (used + length > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(used + length, 2 * entries.length));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(2, 2 * size));
        }
        id.copyInto(entries, used);
        used += length;
        for (int shift = 24, at = used - Integer.BYTES; shift >= 0; shift -= 8, at++) {
            entries[at] = (byte) (value >>> shift); // big-endian, as StateOutput.writeInt
        }
        ends[size++] = used;
    }

    /** The first position from {@code from} on whose id is {@code id}, or -1. */
    int positionOf(SpanKey id, int from) {
        for (int i = from; i < size; i++) {
            if (id.matches(entries, start(i), idEnd(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the entries at {@code a} and {@code b} have the same id. */
    boolean sameId(int a, int b) {
        return Arrays.equals(entries, start(a), idEnd(a), entries, start(b), idEnd(b));
    }

    int valueAt(int position) {
        int at = idEnd(position);
        return (entries[at] & 0xff) << 24 | (entries[at + 1] & 0xff) << 16 | (entries[at + 2] & 0xff) << 8 | entries[at + 3] & 0xff;
    }

    String idAt(int position) {
        return new StateInput(entries, start(position), idEnd(position) - start(position)).readString("span id");
    }

    void remove(int position) {
        int start = start(position);
        int length = ends[position] - start;
        System.arraycopy(entries, ends[position], entries, start, used - ends[position]);
        used -= length;
        for (int i = position + 1; i < size; i++) {
            ends[i - 1] = ends[i] - length;
        }
        size--;
    }

    /** Every entry, id and int, as a snapshot saves them. */
    void writeTo(StateOutput out) {
        out.writeBytes(entries, 0, used);
    }

    /** The id at {@code position} as a snapshot saves it. */
    void writeIdAt(int position, StateOutput out) {
        out.writeBytes(entries, start(position), idEnd(position) - start(position));
    }

    private int start(int position) {
        return position == 0 ? 0 : ends[position - 1];
    }

    private int idEnd(int position) {
        return ends[position] - Integer.BYTES;
    }
}

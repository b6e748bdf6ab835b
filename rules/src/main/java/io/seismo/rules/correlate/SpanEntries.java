package io.seismo.rules.correlate;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;

/**
 * Span ids each with an int, kept as the bytes a snapshot saves them as (the id as {@link
 * StateOutput#writeId}, then the int as {@link StateOutput#writeInt}), back to back in one array, and found by
 * scanning. An entry is named by its offset in the array ({@code at}); the id's encoding says where it ends, so
 * no table of ends is kept. The tables built on it extend it rather than hold one: a million open traces then
 * hold one object and one array per table where they held three objects, which every collector cycle marks
 * and every checkpoint visits.
 */
abstract sealed class SpanEntries permits SpanTable, AwaitedParents {
    private static final byte[] NO_BYTES = new byte[0];
    /** The bytes of an entry's int, which follows its id. */
    private static final int VALUE_BYTES = Integer.BYTES;

    private byte[] entries = NO_BYTES;
    private int used;
    private int size;

    /** The number of entries. */
    final int size() {
        return size;
    }

    /** Forgets every entry, keeping the array for the next ones. */
    void clear() {
        used = 0;
        size = 0;
    }

    /** The bytes the entries' array holds on to, used or not. */
    final int retainedBytes() {
        return entries.length;
    }

    /** Where the entries end: the first entry is at 0 and each next one at {@link #after}, up to here. */
    final int end() {
        return used;
    }

    /** Where the entry after the one at {@code at} starts. */
    final int after(int at) {
        return idEnd(at) + VALUE_BYTES;
    }

    /** Adds an entry at the end; returns where it is. */
    final int add(SpanKey id, int value) {
        int length = id.length() + VALUE_BYTES;
        if (used + length > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(used + length, 2 * entries.length));
        }
        int at = used;
        id.copyInto(entries, at);
        used += length;
        for (int shift = 24, i = used - VALUE_BYTES; shift >= 0; shift -= 8, i++) {
            entries[i] = (byte) (value >>> shift); // big-endian, as StateOutput.writeInt
        }
        size++;
        return at;
    }

    /** The first entry at or after {@code from} whose id is {@code id}, or -1. */
    final int find(SpanKey id, int from) {
        for (int at = from; at < used; at = after(at)) {
            if (id.matches(entries, at, idEnd(at))) {
                return at;
            }
        }
        return -1;
    }

    /** Whether the entries at {@code a} and {@code b} have the same id. */
    final boolean sameId(int a, int b) {
        return Arrays.equals(entries, a, idEnd(a), entries, b, idEnd(b));
    }

    final int valueAt(int at) {
        int i = idEnd(at);
        return (entries[i] & 0xff) << 24 | (entries[i + 1] & 0xff) << 16 | (entries[i + 2] & 0xff) << 8 | entries[i + 3] & 0xff;
    }

    final String idAt(int at) {
        return new StateInput(entries, at, idEnd(at) - at).readString("span id");
    }

    /** Takes out the entry at {@code at}; the entries after it move up. */
    final void remove(int at) {
        int next = after(at);
        System.arraycopy(entries, next, entries, at, used - next);
        used -= next - at;
        size--;
    }

    /** Every entry, id and int, as a snapshot saves them. */
    final void writeEntriesTo(StateOutput out) {
        out.writeBytes(entries, 0, used);
    }

    /** The id at {@code at} as a snapshot saves it. */
    final void writeIdAt(int at, StateOutput out) {
        out.writeBytes(entries, at, idEnd(at) - at);
    }

    private int idEnd(int at) {
        return StateOutput.endOfString(entries, at);
    }
}

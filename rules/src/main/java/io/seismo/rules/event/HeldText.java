package io.seismo.rules.event;

import io.seismo.rules.state.CharArrayView;

/**
 * Text an event holds for a parser (trace and span ids, attribute values seen for the first time): the characters
 * it read, copied into an array the ring slot's event reuses, and a String made only when someone asks for one.
 * The correlator reads ids as characters (it looks trace ids up and keeps span ids as bytes), so a line's ids and
 * new values cost no String unless a rule reads them. Not thread-safe.
 */
final class HeldText implements CharArrayView {
    private char[] chars = new char[32];
    private int length;
    private boolean present;
    private String string;

    /** Holds {@code id}, or nothing when it is null. */
    void set(String id) {
        present = id != null;
        string = id;
        length = 0;
    }

    /** Holds the characters {@code start} to {@code end} of {@code source}, copied. */
    void set(char[] source, int start, int end) {
        int count = end - start;
        if (count > chars.length) {
            chars = new char[Math.max(count, 2 * chars.length)];
        }
        System.arraycopy(source, start, chars, 0, count);
        length = count;
        present = true;
        string = null;
    }

    void clear() {
        present = false;
        string = null;
        length = 0;
    }

    void copyFrom(HeldText other) {
        if (other.string != null || !other.present) {
            set(other.string);
        } else {
            set(other.chars, 0, other.length);
        }
    }

    /** Whether there is an id. */
    boolean isPresent() {
        return present;
    }

    /** The id as a String, made on the first call after it was set; null when there is none. */
    String asString() {
        if (present && string == null) {
            string = new String(chars, 0, length);
        }
        return string;
    }

    /** The held characters' array; null when a String is held instead. */
    @Override
    public char[] charArray() {
        return string == null ? chars : null;
    }

    @Override
    public int length() {
        return string != null ? string.length() : length;
    }

    @Override
    public char charAt(int index) {
        if (string != null) {
            return string.charAt(index);
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return asString().subSequence(start, end);
    }

    @Override
    public String toString() {
        return present ? asString() : "";
    }
}

package io.seismo.rules.state;

import java.util.Arrays;

/**
 * A map key held as characters in an array that its entry keeps. An entry used again for another key (a closed
 * trace opened again) then takes the key without a new String: a young String stored into an entry in the old
 * generation is a card that the next young collection scans, one per key. Not thread-safe.
 */
public final class KeyChars implements CharArrayView {
    private static final char[] NO_CHARS = new char[0];

    private char[] chars = NO_CHARS;
    private int length;
    private int hash;

    /** Holds the characters of {@code key}, copied. */
    public void set(CharSequence key) {
        int count = key.length();
        if (count > chars.length) {
            chars = new char[count];
        }
        char[] source = key instanceof CharArrayView view ? view.charArray() : null;
        if (source != null) {
            System.arraycopy(source, 0, chars, 0, count);
        } else {
            for (int i = 0; i < count; i++) {
                chars[i] = key.charAt(i);
            }
        }
        length = count;
        hash = SlotIndex.stringHash(chars, count);
    }

    /** {@link String#hashCode()} of the held characters. */
    public int stringHash() {
        return hash;
    }

    /** Whether {@code other} has exactly the held characters. */
    public boolean contentEquals(CharSequence other) {
        if (other.length() != length) {
            return false;
        }
        char[] others = other instanceof CharArrayView view ? view.charArray() : null;
        if (others != null) {
            return Arrays.equals(chars, 0, length, others, 0, length);
        }
        for (int i = 0; i < length; i++) {
            if (other.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public char[] charArray() {
        return chars;
    }

    /** How many characters the array holds on to, used or not. */
    public int capacity() {
        return chars.length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}

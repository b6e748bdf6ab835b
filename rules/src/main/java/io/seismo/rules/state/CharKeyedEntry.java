package io.seismo.rules.state;

import java.util.Arrays;

/**
 * An {@link AccessOrderMap} entry that is its own key: the key's characters are held in an array the entry keeps.
 * An entry used again for another key (a closed trace opened again) then takes the key without a new String: a
 * young String stored into an entry in the old generation is a card that the next young collection scans, one per
 * key. And a lookup that finds the entry's slot compares the key from the entry's own fields and one array, where
 * a key object of its own was one more cache miss on every line (the open traces' index is a million entries).
 * Not thread-safe.
 */
public abstract class CharKeyedEntry extends SnapshotEntry implements CharArrayView {
    private static final char[] NO_CHARS = new char[0];

    private char[] chars = NO_CHARS;
    private int length;
    private int hash;

    /** Holds the characters of {@code key}, copied; call only while the entry is in no map. */
    protected final void setKey(CharSequence key) {
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
    public final int stringHash() {
        return hash;
    }

    @Override
    protected final CharSequence mapKey() {
        return this;
    }

    @Override
    protected final int mapKeyHash() {
        return hash;
    }

    @Override
    protected final boolean hasMapKey(CharSequence key) {
        return contentEquals(key);
    }

    /** Whether {@code other} has exactly the held characters. */
    public final boolean contentEquals(CharSequence other) {
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
    public final char[] charArray() {
        return chars;
    }

    /** How many characters the array holds on to, used or not. */
    public final int keyCapacity() {
        return chars.length;
    }

    @Override
    public final int length() {
        return length;
    }

    @Override
    public final char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public final CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    /** The key, as a String. */
    @Override
    public final String toString() {
        return new String(chars, 0, length);
    }
}

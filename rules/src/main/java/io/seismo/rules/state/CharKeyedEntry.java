package io.seismo.rules.state;

import java.util.Arrays;

/**
 * An {@link AccessOrderMap} entry that is its own key: the key's characters are held by the entry. An entry used
 * again for another key (a closed trace opened again) then takes the key without a new String: a young String
 * stored into an entry in the old generation is a card that the next young collection scans, one per key. A key
 * of up to {@value #PACKED_CHARS} ASCII characters (a W3C trace id has 32) is packed into four of the entry's own
 * fields, so a lookup that finds the entry's slot compares the key without another cache miss (the open traces'
 * index is a million entries, and a key array of its own was one more miss on every line); a longer key, or one
 * with other characters, is held in an array the entry keeps. Not thread-safe.
 */
public abstract class CharKeyedEntry extends SnapshotEntry implements CharArrayView {
    /** Keys of up to this many characters 1 to 127 are packed, eight to a long, first character highest. */
    static final int PACKED_CHARS = 4 * Long.BYTES;
    private static final char[] NO_CHARS = new char[0];
    /** No packing of ASCII characters has the top bit set. */
    private static final long NOT_PACKABLE = -1L;

    private long packed0;
    private long packed1;
    private long packed2;
    private long packed3;
    /** The key when it is not packed; kept for the next such key. */
    private char[] chars = NO_CHARS;
    private int length;
    private int hash;
    private boolean isPacked;

    /** Holds the characters of {@code key}, copied; call only while the entry is in no map. */
    protected final void setKey(CharSequence key) {
        int count = key.length();
        char[] source = key instanceof CharArrayView view ? view.charArray() : null;
        length = count;
        isPacked = count <= PACKED_CHARS && packed(source, key);
        if (isPacked) {
            hash = source != null ? SlotIndex.stringHash(source, count) : SlotIndex.stringHash(key);
            return;
        }
        if (count > chars.length) {
            chars = new char[count];
        }
        if (source != null) {
            System.arraycopy(source, 0, chars, 0, count);
        } else {
            for (int i = 0; i < count; i++) {
                chars[i] = key.charAt(i);
            }
        }
        hash = SlotIndex.stringHash(chars, count);
    }

    /** Packs the key's characters ({@code source} when it lends them, else {@code key}'s), if they all may be. */
    private boolean packed(char[] source, CharSequence key) {
        long first = word(source, key, 0);
        long second = word(source, key, 1);
        long third = word(source, key, 2);
        long fourth = word(source, key, 3);
        if (first == NOT_PACKABLE || second == NOT_PACKABLE || third == NOT_PACKABLE || fourth == NOT_PACKABLE) {
            return false;
        }
        packed0 = first;
        packed1 = second;
        packed2 = third;
        packed3 = fourth;
        return true;
    }

    /**
     * Characters {@code 8 × index} onwards of the held length's, packed as {@link #PACKED_CHARS} says (0 past the
     * end), or {@link #NOT_PACKABLE}.
     */
    private long word(char[] source, CharSequence key, int index) {
        int from = index * Long.BYTES;
        int to = Math.min(from + Long.BYTES, length);
        long word = 0;
        for (int i = from; i < to; i++) {
            char c = source != null ? source[i] : key.charAt(i);
            if (c == 0 || c > 0x7F) {
                return NOT_PACKABLE;
            }
            word = word << Byte.SIZE | c;
        }
        return to > from ? word << Byte.SIZE * (from + Long.BYTES - to) : 0;
    }

    private long packedWord(int index) {
        return switch (index) {
            case 0 -> packed0;
            case 1 -> packed1;
            case 2 -> packed2;
            default -> packed3;
        };
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
        if (isPacked) {
            for (int index = 0; index * Long.BYTES < length; index++) {
                if (word(others, other, index) != packedWord(index)) {
                    return false;
                }
            }
            return true;
        }
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

    /** Whether the key is packed into the entry's fields (then {@link #charArray()} is null). */
    final boolean isPacked() {
        return isPacked;
    }

    /** Writes a packed key as {@link ChunkedBytes#putAscii} writes a String of it. */
    final void putPacked(ChunkedBytes bytes) {
        bytes.putPackedAscii(length, packed0, packed1, packed2, packed3);
    }

    /** The held characters' array; null when the key is packed. */
    @Override
    public final char[] charArray() {
        return isPacked ? null : chars;
    }

    /** How many characters the array for keys that are not packed holds on to, used or not. */
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
        if (!isPacked) {
            return chars[index];
        }
        return (char) (packedWord(index / Long.BYTES) >>> Byte.SIZE * (Long.BYTES - 1 - index % Long.BYTES) & 0x7F);
    }

    @Override
    public final CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    /** The key, as a String. */
    @Override
    public final String toString() {
        if (!isPacked) {
            return new String(chars, 0, length);
        }
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = charAt(i);
        }
        return new String(text);
    }
}

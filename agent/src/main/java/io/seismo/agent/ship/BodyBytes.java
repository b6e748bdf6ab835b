package io.seismo.agent.ship;

import java.util.Arrays;

/** The growing NDJSON body of a batch: bytes appended at the end, and cut back when a line does not fit. */
final class BodyBytes {
    private byte[] bytes;
    private int length;

    BodyBytes(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    /** Appends the ASCII characters of {@code text}, which must be ASCII. */
    void putAscii(String text) {
        int count = text.length();
        ensureRoom(count);
        text.getBytes(0, count, bytes, length);
        length += count;
    }

    /** Appends {@code value} in decimal. */
    void putDecimal(long value) {
        if (value < 0) {
            putAscii(Long.toString(value));
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensureRoom(digits);
        long rest = value;
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
    }

    /** Drops everything after the first {@code newLength} bytes. */
    void truncate(int newLength) {
        length = newLength;
    }

    /** A copy of the bytes so far, exactly as long as they are. */
    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    /** Starts empty again, giving back memory a very large batch took. */
    void clear(int keepCapacity) {
        length = 0;
        if (bytes.length > keepCapacity) {
            bytes = new byte[keepCapacity];
        }
    }

    void ensureRoom(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + extra, bytes.length * 2));
        }
    }

    /** The backing array, for writers that fill it directly after {@link #ensureRoom}; valid until the next call. */
    byte[] array() {
        return bytes;
    }

    /** Marks {@code count} bytes written directly into {@link #array()} after the current end. */
    void advance(int count) {
        length += count;
    }
}

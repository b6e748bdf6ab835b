package io.seismo.agent.ship;

import java.util.Arrays;

/**
 * The growing body of a batch: bytes appended at the end, and cut back when a line does not fit. A sealed
 * batch takes the array itself ({@link #detach}) and gives it back once the daemon answered ({@link #recycle}), so
 * in steady state the two arrays of a file alternate and no body is copied or allocated.
 */
final class BodyBytes {
    private byte[] bytes;
    private int length;
    private byte[] spare;

    BodyBytes(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    /** Drops everything after the first {@code newLength} bytes. */
    void truncate(int newLength) {
        length = newLength;
    }

    /**
     * Hands over the array holding the bytes so far (the first {@link #length()} of it) and starts empty on the
     * spare array, or on a new one no larger than {@code keepCapacity}: a very large batch does not pin its memory.
     */
    byte[] detach(int keepCapacity) {
        byte[] detached = bytes;
        bytes = spare != null ? spare : new byte[Math.min(detached.length, keepCapacity)];
        spare = null;
        length = 0;
        return detached;
    }

    /**
     * Takes back an array {@link #detach} handed out and nobody reads any more, to fill later instead of a new one:
     * one no larger than {@code keepCapacity}, or a larger one that its body of {@code usedLength} bytes filled at
     * least half way (a backlog's batches keep their arrays instead of growing new ones; once batches are small
     * again, the large arrays go).
     */
    void recycle(byte[] array, int usedLength, int keepCapacity) {
        boolean wellUsed = usedLength >= array.length / 2;
        if (spare == null && array != bytes && (array.length <= keepCapacity || wellUsed)) {
            spare = array;
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

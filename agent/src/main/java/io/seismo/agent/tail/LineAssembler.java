package io.seismo.agent.tail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Turns the bytes of a file, fed in chunks, into complete lines. It keeps at most {@code maxLineBytes + 1}
 * bytes of the line in progress (the extra byte tells a {@code \r} before the newline from an overlong
 * line), so a line of any length costs bounded memory and is scanned once. A line cut to the limit is cut at
 * a UTF-8 character boundary and flagged. The bytes of an unfinished last line stay here, never emitted,
 * until their newline arrives.
 */
final class LineAssembler {
    private static final int INITIAL_CAPACITY = 256;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;

    private final int maxLineBytes;
    private byte[] kept = new byte[INITIAL_CAPACITY];
    private int keptLength;
    private boolean overflowed;
    private long lineStart;
    private long nextOffset;

    /** Starts assembling at {@code offset}, which must be the start of a line. */
    LineAssembler(int maxLineBytes, long offset) {
        this.maxLineBytes = maxLineBytes;
        this.lineStart = offset;
        this.nextOffset = offset;
    }

    /** File offset of the next byte to feed. */
    long nextOffset() {
        return nextOffset;
    }

    /** File offset where the unfinished line (if any) starts: the last line boundary seen. */
    long lineStart() {
        return lineStart;
    }

    /**
     * Consumes all of {@code chunk} (a heap buffer whose position is at {@link #nextOffset()}): each line it
     * completes goes to {@code lines}, unverified; the bytes of a line it leaves unfinished stay here.
     */
    void feed(ByteBuffer chunk, LineBlock lines) {
        byte[] array = chunk.array();
        int at = chunk.arrayOffset() + chunk.position();
        int limit = chunk.arrayOffset() + chunk.limit();
        while (at < limit) {
            int newline = indexOfNewline(array, at, limit);
            int end = newline < 0 ? limit : newline;
            nextOffset += end - at;
            if (newline < 0) {
                keep(array, at, end - at);
                break;
            }
            nextOffset++;
            if (keptLength == 0) {
                // The whole line is in this chunk (the usual case): it goes to the block in one copy.
                int take = Math.min(end - at, maxLineBytes + 1);
                emit(array, at, take, take < end - at, lines);
            } else {
                keep(array, at, end - at);
                emit(kept, 0, keptLength, overflowed, lines);
            }
            lineStart = nextOffset;
            keptLength = 0;
            overflowed = false;
            at = newline + 1;
        }
        chunk.position(chunk.limit());
    }

    private void keep(byte[] src, int from, int length) {
        int room = maxLineBytes + 1 - keptLength;
        int take = Math.min(room, length);
        if (take < length) {
            overflowed = true;
        }
        if (take > 0) {
            ensureCapacity(keptLength + take);
            System.arraycopy(src, from, kept, keptLength, take);
            keptLength += take;
        }
    }

    /**
     * Adds the line whose first {@code keptBytes} bytes (at most {@code maxLineBytes + 1}) are at {@code from} in
     * {@code src}; {@code overflowed} if it had more.
     */
    private void emit(byte[] src, int from, int keptBytes, boolean overflowed, LineBlock lines) {
        int length = keptBytes;
        boolean truncated = overflowed;
        if (!truncated && length > 0 && src[from + length - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            truncated = true;
        }
        if (truncated) {
            length = utf8Boundary(src, from, Math.min(length, maxLineBytes), keptBytes);
        }
        lines.add(lineStart, nextOffset, src, from, length, truncated);
    }

    /** Moves a cut at {@code length} back so it does not split a multi-byte UTF-8 character. */
    private static int utf8Boundary(byte[] src, int from, int length, int available) {
        int cut = length;
        while (cut > 0 && cut < available && (src[from + cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    private void ensureCapacity(int needed) {
        if (needed > kept.length) {
            kept = Arrays.copyOf(kept, Math.min(maxLineBytes + 1, Math.max(needed, kept.length * 2)));
        }
    }

    /**
     * The index of the first newline in {@code array[from, limit)}, or -1; eight bytes at a time: under C1, as the
     * agent ships, a byte loop here was three quarters of the agent's samples flat out. A byte is flagged exactly
     * when it is a newline (XOR makes it zero; the zero test carries nothing from one byte into the next), and
     * the lowest flagged byte is the first, the words being read little-endian.
     */
    static int indexOfNewline(byte[] array, int from, int limit) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long word = (long) LONGS.get(array, i) ^ NEWLINES;
            long zeroBytes = ~(((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN);
            if (zeroBytes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; i < limit; i++) {
            if (array[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

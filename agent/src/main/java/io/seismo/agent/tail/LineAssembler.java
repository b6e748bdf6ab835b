package io.seismo.agent.tail;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns the bytes of a file, fed in chunks, into complete lines. It keeps at most {@code maxLineBytes + 1}
 * bytes of the line in progress (the extra byte tells a {@code \r} before the newline from an overlong
 * line), so a line of any length costs bounded memory and is scanned once. A line cut to the limit is cut at
 * a UTF-8 character boundary and flagged. The bytes of an unfinished last line stay here, never emitted,
 * until their newline arrives.
 */
public final class LineAssembler {
    private static final int INITIAL_CAPACITY = 256;

    private final int maxLineBytes;
    private byte[] kept = new byte[INITIAL_CAPACITY];
    private int keptLength;
    private boolean overflowed;
    private long lineStart;
    private long nextOffset;

    /** Starts assembling at {@code offset}, which must be the start of a line. */
    public LineAssembler(int maxLineBytes, long offset) {
        this.maxLineBytes = maxLineBytes;
        this.lineStart = offset;
        this.nextOffset = offset;
    }

    /** File offset of the next byte to feed. */
    public long nextOffset() {
        return nextOffset;
    }

    /** File offset where the unfinished line (if any) starts: the last line boundary seen. */
    public long lineStart() {
        return lineStart;
    }

    /**
     * Consumes bytes of {@code chunk} (a heap buffer whose position is at {@link #nextOffset()}) up to and
     * including the next newline and returns that line; returns {@code null} once the chunk is used up
     * without completing one.
     */
    public Line next(ByteBuffer chunk) {
        byte[] array = chunk.array();
        int from = chunk.arrayOffset() + chunk.position();
        int limit = chunk.arrayOffset() + chunk.limit();
        int newline = indexOfNewline(array, from, limit);
        int end = newline < 0 ? limit : newline;
        keep(array, from, end - from);
        nextOffset += end - from;
        if (newline < 0) {
            chunk.position(chunk.limit());
            return null;
        }
        nextOffset++;
        chunk.position(newline + 1 - chunk.arrayOffset());
        Line line = finish();
        lineStart = nextOffset;
        keptLength = 0;
        overflowed = false;
        return line;
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

    private Line finish() {
        int length = keptLength;
        boolean truncated = overflowed;
        if (!truncated && length > 0 && kept[length - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            truncated = true;
        }
        if (truncated) {
            length = utf8Boundary(Math.min(length, maxLineBytes));
        }
        return new Line(lineStart, nextOffset, Arrays.copyOf(kept, length), truncated);
    }

    /** Moves a cut at {@code length} back so it does not split a multi-byte UTF-8 character. */
    private int utf8Boundary(int length) {
        int cut = length;
        while (cut > 0 && cut < keptLength && (kept[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    private void ensureCapacity(int needed) {
        if (needed > kept.length) {
            kept = Arrays.copyOf(kept, Math.min(maxLineBytes + 1, Math.max(needed, kept.length * 2)));
        }
    }

    private static int indexOfNewline(byte[] array, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (array[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

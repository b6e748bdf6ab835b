package io.seismo.agent.ship;

import java.util.Arrays;

/**
 * Lines of ONE source (a file, or a scrape target), framed as the body ({@link LineFrame}), with the byte range they
 * cover.
 * Immutable while it is queued or in flight (the array is not written), so it may be handed to the HTTP client's
 * threads; once settled, its body array goes back to the builder that sealed it (see {@link ShipQueue#settled()}).
 * A batch's lines are contiguous (each starts where the one before ended), so the body alone says where each
 * line starts: no per-line arrays are kept for the rare batch the daemon finds too large.
 */
public final class Batch {
    private final ShipSource source;
    private final long firstOffset;
    private final long lastOffset;
    private final int lineCount;
    private final byte[] body;
    private final int bodyLength;

    /**
     * @param lastOffset offset just past the last line's newline
     * @param body       the body in its first {@code bodyLength} bytes, one {@link LineFrame} per line
     */
    Batch(ShipSource source, long firstOffset, long lastOffset, int lineCount, byte[] body, int bodyLength) {
        this.source = source;
        this.firstOffset = firstOffset;
        this.lastOffset = lastOffset;
        this.lineCount = lineCount;
        this.body = body;
        this.bodyLength = bodyLength;
    }

    public ShipSource source() {
        return source;
    }

    public String sourceId() {
        return source.sourceId();
    }

    public String service() {
        return source.service();
    }

    /** The file's path, or {@code scrape:<url>}. */
    public String location() {
        return source.location();
    }

    /** Offset of the first line's first byte ({@code Seismo-First-Offset}). */
    public long firstOffset() {
        return firstOffset;
    }

    /** Offset just past the last line's newline ({@code Seismo-Last-Offset}); acknowledged up to here. */
    public long lastOffset() {
        return lastOffset;
    }

    public int lineCount() {
        return lineCount;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** The array whose first {@link #bodyLength()} bytes are the body. Callers must not modify it. */
    byte[] body() {
        return body;
    }

    /** The first and second half by lines, for a daemon that found the whole too large. Needs two lines or more. */
    public Batch[] halves() {
        if (lineCount < 2) {
            throw new IllegalStateException("a batch of one line cannot be split");
        }
        int mid = lineCount / 2;
        int bodyMid = frameStart(mid);
        long midOffset = LineFrame.offsetAt(body, bodyMid);
        Batch first = new Batch(source, firstOffset, midOffset, mid, Arrays.copyOfRange(body, 0, bodyMid), bodyMid);
        Batch second = new Batch(source, midOffset, lastOffset, lineCount - mid,
                Arrays.copyOfRange(body, bodyMid, bodyLength), bodyLength - bodyMid);
        return new Batch[] {first, second};
    }

    /** Where the frame of {@code line} starts. */
    private int frameStart(int line) {
        int start = 0;
        for (int i = 0; i < line; i++) {
            start = LineFrame.next(body, start);
        }
        return start;
    }

    @Override
    public String toString() {
        return "Batch[" + source.location() + " " + source.sourceId() + " " + firstOffset + ".." + lastOffset() + ", " + lineCount()
                + " lines, " + bodyLength + " bytes]";
    }
}

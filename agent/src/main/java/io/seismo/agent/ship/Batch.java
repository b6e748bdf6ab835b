package io.seismo.agent.ship;

import java.util.Arrays;

/**
 * Lines of ONE source (a file, or a scrape target), encoded as the NDJSON body, with the byte range they cover.
 * Immutable while it is queued or in flight (the arrays are not written), so it may be handed to the HTTP client's
 * threads; once settled, its body array goes back to the builder that sealed it (see {@link ShipQueue#settled()}).
 */
public final class Batch {
    private final ShipSource source;
    private final long firstOffset;
    private final long[] lineEnds;
    private final byte[] body;
    private final int bodyLength;
    private final int[] bodyEnds;

    /**
     * @param lineEnds file offset just past each line's newline
     * @param body       the NDJSON body in its first {@code bodyLength} bytes
     * @param bodyEnds   index in {@code body} just past each line's envelope
     */
    Batch(ShipSource source, long firstOffset, long[] lineEnds, byte[] body, int bodyLength, int[] bodyEnds) {
        this.source = source;
        this.firstOffset = firstOffset;
        this.lineEnds = lineEnds;
        this.body = body;
        this.bodyLength = bodyLength;
        this.bodyEnds = bodyEnds;
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
        return lineEnds[lineEnds.length - 1];
    }

    public int lineCount() {
        return lineEnds.length;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** The array whose first {@link #bodyLength()} bytes are the NDJSON body. Callers must not modify it. */
    byte[] body() {
        return body;
    }

    /** The first and second half by lines, for a daemon that found the whole too large. Needs two lines or more. */
    public Batch[] halves() {
        if (lineEnds.length < 2) {
            throw new IllegalStateException("a batch of one line cannot be split");
        }
        int mid = lineEnds.length / 2;
        int bodyMid = bodyEnds[mid - 1];
        Batch first = new Batch(source, firstOffset, Arrays.copyOfRange(lineEnds, 0, mid),
                Arrays.copyOfRange(body, 0, bodyMid), bodyMid, Arrays.copyOfRange(bodyEnds, 0, mid));
        int[] secondEnds = Arrays.copyOfRange(bodyEnds, mid, bodyEnds.length);
        for (int i = 0; i < secondEnds.length; i++) {
            secondEnds[i] -= bodyMid;
        }
        Batch second = new Batch(source, lineEnds[mid - 1],
                Arrays.copyOfRange(lineEnds, mid, lineEnds.length),
                Arrays.copyOfRange(body, bodyMid, bodyLength), bodyLength - bodyMid, secondEnds);
        return new Batch[] {first, second};
    }

    @Override
    public String toString() {
        return "Batch[" + source.location() + " " + source.sourceId() + " " + firstOffset + ".." + lastOffset() + ", " + lineCount()
                + " lines, " + bodyLength + " bytes]";
    }
}

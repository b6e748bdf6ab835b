package io.seismo.agent.tail;

/**
 * One complete line as a range of an array its owner reuses: the agent hands lines on without copying each into
 * an object of its own. Valid only during the call it is passed to; a receiver that keeps the line copies it.
 */
public final class LineView {
    private long offset;
    private long endOffset;
    private byte[] bytes;
    private int from;
    private int to;
    private boolean truncated;

    /**
     * Points this view at a line and returns it.
     *
     * @param offset    byte offset of the line's first byte (for a scrape, the sample's number)
     * @param endOffset byte offset just past its newline: where the next line starts
     * @param bytes     holds the line in {@code [from, to)}: without its newline and trailing {@code \r}, cut to
     *                  {@code maxLineBytes} if needed; not necessarily valid UTF-8 (the envelope encoder repairs it)
     * @param truncated whether the line was cut
     */
    public LineView set(long offset, long endOffset, byte[] bytes, int from, int to, boolean truncated) {
        this.offset = offset;
        this.endOffset = endOffset;
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.truncated = truncated;
        return this;
    }

    public long offset() {
        return offset;
    }

    public long endOffset() {
        return endOffset;
    }

    /** The array holding the line; only {@code [from(), to())} of it is the line. Callers must not modify it. */
    public byte[] bytes() {
        return bytes;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public boolean truncated() {
        return truncated;
    }
}

package io.seismo.agent.tail;

/**
 * One complete line of a file.
 *
 * @param offset    byte offset of the line's first byte
 * @param endOffset byte offset just past its newline: where the next line starts
 * @param text      the line without its newline and trailing {@code \r}, cut to {@code maxLineBytes} if needed
 * @param truncated whether {@code text} was cut
 */
public record Line(long offset, long endOffset, String text, boolean truncated) {
    /** Bytes the line occupies in the file, newline included. */
    public long fileBytes() {
        return endOffset - offset;
    }
}

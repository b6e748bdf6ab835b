package io.seismo.agent.tail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One complete line of a file, kept as the file's bytes: the agent ships them without decoding them into a
 * {@code String} and encoding them again.
 *
 * @param offset    byte offset of the line's first byte
 * @param endOffset byte offset just past its newline: where the next line starts
 * @param bytes     the line without its newline and trailing {@code \r}, cut to {@code maxLineBytes} if needed; not
 *                  necessarily valid UTF-8 (the envelope encoder repairs it); never modified once the line exists
 * @param truncated whether the line was cut
 */
public record Line(long offset, long endOffset, byte[] bytes, boolean truncated) {

    public Line(long offset, long endOffset, String text, boolean truncated) {
        this(offset, endOffset, text.getBytes(StandardCharsets.UTF_8), truncated);
    }

    /** Bytes the line occupies in the file, newline included. */
    public long fileBytes() {
        return endOffset - offset;
    }

    /** The line decoded as UTF-8, malformed bytes replaced by U+FFFD. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Line line && offset == line.offset && endOffset == line.endOffset
                && truncated == line.truncated && Arrays.equals(bytes, line.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(offset) + Arrays.hashCode(bytes)) + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return "Line[" + offset + ".." + endOffset + (truncated ? ", cut" : "") + ": " + text() + "]";
    }
}

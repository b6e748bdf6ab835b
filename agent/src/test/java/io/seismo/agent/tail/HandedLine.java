package io.seismo.agent.tail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A line as a test saw it handed on: a copy of the {@link LineView}, comparable by value. */
record HandedLine(long offset, long endOffset, byte[] bytes, boolean truncated) {

    static HandedLine of(long offset, long endOffset, String text, boolean truncated) {
        return new HandedLine(offset, endOffset, text.getBytes(StandardCharsets.UTF_8), truncated);
    }

    static HandedLine copyOf(LineView line) {
        return new HandedLine(line.offset(), line.endOffset(), Arrays.copyOfRange(line.bytes(), line.from(), line.to()),
                line.truncated());
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HandedLine line && offset == line.offset && endOffset == line.endOffset
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

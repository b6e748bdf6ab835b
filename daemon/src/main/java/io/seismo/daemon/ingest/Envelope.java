package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.BatchLines;

import java.nio.charset.StandardCharsets;

/**
 * What one line of an ingest body said, an NDJSON envelope or a frame, as the reader that read it left it: reused
 * from line to line. The line is either ASCII bytes the reader lends ({@link #lineBytes}, valid until it reads the
 * next line) or a String.
 */
final class Envelope {
    /** The line's offset in its file; -1 until read. */
    long offset = -1;
    /** The line as a String, or null when it is {@link #lineBytes}. */
    String line;
    /** The line's ASCII bytes from {@link #lineStart}, or null when it is {@link #line}. */
    byte[] lineBytes;
    int lineStart;
    int lineLength;
    boolean truncated;

    void clear() {
        offset = -1;
        line = null;
        lineBytes = null;
        truncated = false;
    }

    boolean hasLine() {
        return line != null || lineBytes != null;
    }

    /** Adds the line to {@code lines}, copied. */
    void addTo(BatchLines lines) {
        if (lineBytes != null) {
            lines.add(lineBytes, lineStart, lineLength, true, offset, truncated);
        } else {
            lines.add(line, offset, truncated);
        }
    }

    /** The line as a String. */
    String lineText() {
        return lineBytes != null ? new String(lineBytes, lineStart, lineLength, StandardCharsets.ISO_8859_1) : line;
    }
}

package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.BatchLines;

import java.nio.charset.StandardCharsets;

/**
 * What one line of an ingest body said, an NDJSON envelope or a frame, as the reader that read it left it: reused
 * from line to line. The line is either bytes the reader lends ({@link #lineBytes}: an envelope's ASCII line, valid
 * until it reads the next one, or a frame's line in the body itself, ASCII or not) or a String.
 */
final class Envelope {
    /** The line's offset in its file; -1 until read. */
    long offset = -1;
    /** The line as a String, or null when it is {@link #lineBytes}. */
    String line;
    /** The line's bytes from {@link #lineStart}, or null when it is {@link #line}. */
    byte[] lineBytes;
    int lineStart;
    int lineLength;
    /** Whether {@link #lineBytes} are all ASCII; else they are read as UTF-8. */
    boolean lineAscii = true;
    boolean truncated;

    void clear() {
        offset = -1;
        line = null;
        lineBytes = null;
        lineAscii = true;
        truncated = false;
    }

    boolean hasLine() {
        return line != null || lineBytes != null;
    }

    /** Adds the line to {@code lines}: copied, or where it is in a body they were made in place over. */
    void addTo(BatchLines lines) {
        if (lineBytes != null) {
            lines.add(lineBytes, lineStart, lineLength, lineAscii, offset, truncated);
        } else {
            lines.add(line, offset, truncated);
        }
    }

    /** The line as a String. */
    String lineText() {
        if (lineBytes == null) {
            return line;
        }
        return new String(lineBytes, lineStart, lineLength,
                lineAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}

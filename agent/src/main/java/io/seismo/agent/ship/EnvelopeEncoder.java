package io.seismo.agent.ship;

import io.seismo.agent.tail.LineView;

/**
 * Appends one line as the wire envelope {@code {"o":<offset>,"l":"<text>"}} (plus {@code "t":true} when cut)
 * and a newline, writing the line's bytes straight into the body: no string, no generator. Also reads the offset
 * back from an envelope it wrote.
 */
public final class EnvelopeEncoder {
    private static final String OFFSET = "{\"o\":";
    private static final String TEXT = ",\"l\":\"";
    private static final String CUT_END = "\",\"t\":true}\n";
    private static final String END = "\"}\n";

    private EnvelopeEncoder() {
    }

    /** Appends the envelope of {@code line} to {@code body}; returns the bytes it took, newline included. */
    static int encode(LineView line, BodyBytes body) {
        int start = body.length();
        body.putAscii(OFFSET);
        body.putDecimal(line.offset());
        body.putAscii(TEXT);
        JsonStringBytes.write(line.bytes(), line.from(), line.to(), body);
        body.putAscii(line.truncated() ? CUT_END : END);
        return body.length() - start;
    }

    /** The offset written at the start of the envelope that begins at {@code start} in {@code body}. */
    static long offsetAt(byte[] body, int start) {
        long offset = 0;
        for (int i = start + OFFSET.length(); body[i] >= '0' && body[i] <= '9'; i++) {
            offset = offset * 10 + (body[i] - '0');
        }
        return offset;
    }
}

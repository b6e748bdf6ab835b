package io.seismo.agent.ship;

/**
 * Writes the bytes of a log line as the contents of a JSON string (RFC 8259), straight from the file's bytes:
 * quotes, backslashes and control characters are escaped, well-formed UTF-8 is copied as is, and each malformed
 * UTF-8 sequence becomes U+FFFD, replacing the same bytes {@code new String(bytes, UTF_8)} would (the maximal
 * invalid prefix, and an encoded surrogate whole), so the daemon always receives valid JSON in valid UTF-8.
 */
final class JsonStringBytes {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Longest output per input byte: a control character as a six-byte unicode escape. */
    private static final int WORST_CASE_PER_BYTE = 6;

    private JsonStringBytes() {
    }

    /** Writes bytes {@code [from, end)} of {@code line}. */
    static void write(byte[] line, int from, int end, BodyBytes out) {
        out.ensureRoom((end - from) * WORST_CASE_PER_BYTE);
        byte[] to = out.array();
        int at = out.length();
        int i = from;
        while (i < end) {
            byte b = line[i];
            if (b >= 0x20 && b != '"' && b != '\\') {
                to[at++] = b;
                i++;
            } else if (b >= 0) {
                at = escapeAscii(b, to, at);
                i++;
            } else {
                int sequence = wellFormedLength(line, i, end);
                if (sequence > 0) {
                    System.arraycopy(line, i, to, at, sequence);
                    at += sequence;
                    i += sequence;
                } else {
                    System.arraycopy(REPLACEMENT, 0, to, at, REPLACEMENT.length);
                    at += REPLACEMENT.length;
                    i += -sequence;
                }
            }
        }
        out.advance(at - out.length());
    }

    private static int escapeAscii(byte b, byte[] to, int at) {
        to[at++] = '\\';
        switch (b) {
            case '"', '\\' -> to[at++] = b;
            case '\n' -> to[at++] = 'n';
            case '\r' -> to[at++] = 'r';
            case '\t' -> to[at++] = 't';
            case '\b' -> to[at++] = 'b';
            case '\f' -> to[at++] = 'f';
            default -> {
                to[at++] = 'u';
                to[at++] = '0';
                to[at++] = '0';
                to[at++] = HEX[b >> 4];
                to[at++] = HEX[b & 0xF];
            }
        }
        return at;
    }

    /**
     * The length of the well-formed UTF-8 sequence starting at {@code from} (a byte of 0x80 or more) and ending
     * before {@code end}; or, when it is malformed, minus the length of its maximal valid prefix (at least 1), which
     * one U+FFFD replaces.
     */
    private static int wellFormedLength(byte[] bytes, int from, int end) {
        int lead = bytes[from] & 0xFF;
        int length;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                secondLow = 0xA0; // overlong
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                secondLow = 0x90; // overlong
            } else if (lead == 0xF4) {
                secondHigh = 0x8F; // above U+10FFFF
            }
        } else {
            return -1;
        }
        for (int k = 1; k < length; k++) {
            if (from + k >= end) {
                return -k;
            }
            int next = bytes[from + k] & 0xFF;
            int low = k == 1 ? secondLow : 0x80;
            int high = k == 1 ? secondHigh : 0xBF;
            if (next < low || next > high) {
                return -k;
            }
        }
        // An encoded surrogate (ED A0..BF xx) is well-formed in shape but not UTF-8; the JDK replaces all three bytes.
        return lead == 0xED && (bytes[from + 1] & 0xFF) >= 0xA0 ? -3 : length;
    }
}

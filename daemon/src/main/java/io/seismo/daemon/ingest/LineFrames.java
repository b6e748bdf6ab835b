package io.seismo.daemon.ingest;

import io.seismo.daemon.bytes.ByteWords;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The framed ingest body ({@value #MEDIA_TYPE}), which the agent sends: each line as a 13-byte header (its offset,
 * a signed 64-bit integer; a flags byte, bit 0 set when the agent cut the line, the other bits zero; its length in
 * bytes, an unsigned 32-bit integer below 2^31; all big-endian) and then its bytes as they are in the file. No
 * escaping on either side: the NDJSON envelope escaped every quote of a JSON log line in the agent and unescaped
 * it here, about a tenth of the two cores flat out. A line's bytes are taken as UTF-8; a line that is not ASCII
 * reads as {@code new String(bytes, UTF_8)} does, each malformed sequence becoming U+FFFD.
 */
final class LineFrames {
    static final String MEDIA_TYPE = "application/vnd.seismo.lines";
    static final int HEADER_BYTES = 13;
    private static final int TRUNCATED = 1;
    private static final int FLAGS_AT = Long.BYTES;
    private static final int LENGTH_AT = FLAGS_AT + 1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private LineFrames() {
    }

    /** Whether a request's {@code Content-Type} names this format (parameters after a semicolon are ignored). */
    static boolean isMediaType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * The number of lines framed in {@code body[0, length)}, having checked every header: a body that does not
     * end exactly after its last line's bytes, or with a flag bit that is not defined, is refused whole, since
     * after one bad length no later line can be found.
     */
    static int count(byte[] body, int length) throws MalformedFramesException {
        int lines = 0;
        int at = 0;
        while (at < length) {
            if (length - at < HEADER_BYTES) {
                throw new MalformedFramesException("line " + (lines + 1) + " at byte " + at + ": " + (length - at)
                        + " bytes left, a line's header takes " + HEADER_BYTES);
            }
            int flags = body[at + FLAGS_AT] & 0xFF;
            if ((flags & ~TRUNCATED) != 0) {
                throw new MalformedFramesException("line " + (lines + 1) + " at byte " + at + ": flags 0x"
                        + Integer.toHexString(flags) + " set bits that are not defined");
            }
            long lineLength = (int) INTS.get(body, at + LENGTH_AT) & 0xFFFF_FFFFL;
            if (lineLength > length - at - HEADER_BYTES) {
                throw new MalformedFramesException("line " + (lines + 1) + " at byte " + at + ": length " + lineLength
                        + " runs past the body's end (" + (length - at - HEADER_BYTES) + " bytes left)");
            }
            at += HEADER_BYTES + (int) lineLength;
            lines++;
        }
        return lines;
    }

    /**
     * Reads the line framed at {@code at} into {@code into}, its bytes lent from {@code body} where they are; returns
     * where the next line's header starts. The body must have passed {@link #count}.
     */
    static int read(byte[] body, int at, Envelope into) {
        into.clear();
        into.offset = (long) LONGS.get(body, at);
        into.truncated = (body[at + FLAGS_AT] & TRUNCATED) != 0;
        int start = at + HEADER_BYTES;
        int length = (int) INTS.get(body, at + LENGTH_AT);
        into.lineBytes = body;
        into.lineStart = start;
        into.lineLength = length;
        into.lineAscii = ByteWords.isAscii(body, start, start + length);
        return start + length;
    }
}

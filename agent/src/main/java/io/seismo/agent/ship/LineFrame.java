package io.seismo.agent.ship;

import io.seismo.agent.tail.LineView;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One line as the daemon's framed ingest body ({@value #MEDIA_TYPE}) holds it: a 13-byte header (the line's
 * offset, a 64-bit integer; a flags byte, bit 0 set when the line was cut; the line's length, a 32-bit integer; all
 * big-endian), then the line's bytes as they are in the file. Nothing is escaped: JSON envelopes had the agent
 * escape every quote of a JSON log line and the daemon unescape it, about a tenth of the two cores flat out. The
 * daemon decodes the bytes as UTF-8, replacing malformed sequences.
 */
public final class LineFrame {
    static final String MEDIA_TYPE = "application/vnd.seismo.lines";
    public static final int HEADER_BYTES = 13;
    private static final int TRUNCATED = 1;
    private static final int LENGTH_AT = Long.BYTES + 1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private LineFrame() {
    }

    /** Appends the frame of {@code line} to {@code body}; returns the bytes it took. */
    static int encode(LineView line, BodyBytes body) {
        int length = line.to() - line.from();
        body.ensureRoom(HEADER_BYTES + length);
        byte[] to = body.array();
        int at = body.length();
        LONGS.set(to, at, line.offset());
        to[at + Long.BYTES] = (byte) (line.truncated() ? TRUNCATED : 0);
        INTS.set(to, at + LENGTH_AT, length);
        System.arraycopy(line.bytes(), line.from(), to, at + HEADER_BYTES, length);
        body.advance(HEADER_BYTES + length);
        return HEADER_BYTES + length;
    }

    /** The offset of the line framed at {@code start} of {@code body}. */
    static long offsetAt(byte[] body, int start) {
        return (long) LONGS.get(body, start);
    }

    /** Where the frame after the one at {@code start} of {@code body} starts. */
    public static int next(byte[] body, int start) {
        return start + HEADER_BYTES + (int) INTS.get(body, start + LENGTH_AT);
    }
}

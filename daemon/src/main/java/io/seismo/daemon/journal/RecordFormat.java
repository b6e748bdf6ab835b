package io.seismo.daemon.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The payload of a journal record (the part the CRC covers). Since version 2 a batch's origin is a record of its
 * own, {@code [byte 2][origin]}, followed by its lines, {@code [byte 3][long offset][byte flags][string line]},
 * each of which belongs to the origin record before it in the segment. The origin is
 * {@code [long receivedNanos][string agent][string host][string service][string path][string source]} and a
 * string is {@code [int length, -1 for none][UTF-8 bytes]}. The origin was about a third of a line's record when
 * every line carried it (its file's path, source and agent against a line of 250 bytes), and the journal's
 * writes are kernel time on the journal thread. A replay starts at a commit, and every commit begins with its
 * origin (see {@link SegmentedJournal}), so a reader starting there knows each line's origin.
 *
 * <p>Still read: version 1, {@code [byte 1][int originLength][origin][long offset][byte flags][string line]},
 * every line with its origin; and version 0, the first layout, {@code [long offset][string source][string
 * service][string line]}, whose leading byte is the top byte of a file offset (0, or 0xFF for the -1 of a line
 * without one).
 */
final class RecordFormat {
    private static final byte VERSION_1 = 1;
    private static final byte ORIGIN = 2;
    private static final byte LINE = 3;
    private static final byte TRUNCATED = 1;
    /** The leading byte of a version 0 record whose line came without an offset (-1). */
    private static final byte LEGACY_NO_OFFSET = (byte) 0xFF;
    /** The shortest payload of any version: a line record of an empty line. */
    static final int MIN_PAYLOAD_BYTES = 1 + Long.BYTES + 1 + Integer.BYTES;

    private RecordFormat() {
    }

    static byte[] encodeOrigin(Origin origin) {
        byte[][] parts = {utf8(origin.agent()), utf8(origin.host()), utf8(origin.service()), utf8(origin.path()), utf8(origin.source())};
        int size = Long.BYTES;
        for (byte[] part : parts) {
            size += Integer.BYTES + (part == null ? 0 : part.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size).putLong(origin.receivedNanos());
        for (byte[] part : parts) {
            putString(out, part);
        }
        return out.array();
    }

    static int originPayloadSize(byte[] origin) {
        return 1 + origin.length;
    }

    static void putOrigin(ByteBuffer out, byte[] origin) {
        out.put(ORIGIN).put(origin);
    }

    static int linePayloadSize(int lineBytes) {
        return 1 + Long.BYTES + 1 + Integer.BYTES + lineBytes;
    }

    /** The payload of a line whose UTF-8 bytes are the first {@code lineLength} of {@code line}. */
    static void putLine(ByteBuffer out, long offset, boolean truncated, byte[] line, int lineLength) {
        out.put(LINE).putLong(offset).put(truncated ? TRUNCATED : 0);
        out.putInt(lineLength).put(line, 0, lineLength);
    }

    /** Whether a payload whose first byte is {@code leading} holds a line (every record but an origin does). */
    static boolean holdsLine(byte leading) {
        return leading != ORIGIN;
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes the payloads of one segment in order, from its start or from a commit. An origin record gives no line
     * ({@link #decode} returns null) but the origin of the lines after it; a version 1 record's origin is reused
     * while its bytes repeat.
     */
    static final class Decoder {
        private byte[] lastOriginBytes = new byte[0];
        private Origin lastOrigin;

        /** The line of the payload, or null for an origin record. */
        JournalRecord decode(byte[] payload, int length) {
            ByteBuffer in = ByteBuffer.wrap(payload, 0, length);
            byte version = in.get(0);
            if (version == 0 || version == LEGACY_NO_OFFSET) {
                return legacy(in);
            }
            in.position(1);
            switch (version) {
                case ORIGIN -> {
                    origin(in, payload, in.position(), in.remaining());
                    if (in.hasRemaining()) {
                        throw new IllegalArgumentException(in.remaining() + " bytes follow the origin in its record");
                    }
                    return null;
                }
                case LINE -> {
                    if (lastOrigin == null) {
                        throw new IllegalArgumentException("a line record comes before any origin record");
                    }
                    return line(in, lastOrigin);
                }
                case VERSION_1 -> {
                    int originLength = in.getInt();
                    if (originLength < 0 || originLength > in.remaining()) {
                        throw new IllegalArgumentException("origin length " + originLength + " runs past the record");
                    }
                    int originStart = in.position();
                    Origin origin = lastOrigin != null && Arrays.equals(lastOriginBytes, 0, lastOriginBytes.length,
                            payload, originStart, originStart + originLength)
                            ? lastOrigin : origin(in, payload, originStart, originLength);
                    in.position(originStart + originLength);
                    return line(in, origin);
                }
                default -> throw new IllegalArgumentException("journal record version " + version + " is not known to this build");
            }
        }

        /**
         * Reads the origin block of {@code length} bytes at {@code start} as the origin of the lines that follow;
         * {@code in} is left just past it.
         */
        private Origin origin(ByteBuffer in, byte[] payload, int start, int length) {
            ByteBuffer origin = ByteBuffer.wrap(payload, start, length);
            long receivedNanos = origin.getLong();
            lastOrigin = new Origin(string(origin), string(origin), string(origin), string(origin), string(origin), receivedNanos);
            lastOriginBytes = Arrays.copyOfRange(payload, start, origin.position());
            in.position(origin.position());
            return lastOrigin;
        }

        private static JournalRecord line(ByteBuffer in, Origin origin) {
            long offset = in.getLong();
            boolean truncated = (in.get() & TRUNCATED) != 0;
            return new JournalRecord(origin, offset, truncated, string(in));
        }

        private static JournalRecord legacy(ByteBuffer in) {
            long offset = in.getLong();
            String source = string(in);
            String service = string(in);
            String line = string(in);
            return new JournalRecord(new Origin(null, null, service, null, source, 0), offset, false, line);
        }
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    private static String string(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0) {
            return null;
        }
        if (len > in.remaining()) {
            throw new IllegalArgumentException("a string of " + len + " bytes runs past the record");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }
}

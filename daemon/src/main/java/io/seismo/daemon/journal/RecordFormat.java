package io.seismo.daemon.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The payload of a journal record (the part the CRC covers). Version 1:
 * {@code [byte 1][int originLength][origin][long offset][byte flags][string line]} where the origin is
 * {@code [long receivedNanos][string agent][string host][string service][string path][string source]} and a
 * string is {@code [int length, -1 for none][UTF-8 bytes]}. The origin block comes first and whole, so the
 * writer encodes it once per batch and the reader decodes it once per run of records from the same batch.
 *
 * <p>Version 0 is the first layout, {@code [long offset][string source][string service][string line]}; its
 * leading byte is the top byte of a file offset (0, or 0xFF for the -1 of a line without one), so it is still read.
 */
final class RecordFormat {
    static final byte VERSION = 1;
    private static final byte TRUNCATED = 1;
    /** The leading byte of a version 0 record whose line came without an offset (-1). */
    private static final byte LEGACY_NO_OFFSET = (byte) 0xFF;

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

    static int payloadSize(byte[] origin, int lineBytes) {
        return 1 + Integer.BYTES + origin.length + Long.BYTES + 1 + Integer.BYTES + lineBytes;
    }

    /** The payload of a line whose UTF-8 bytes are the first {@code lineLength} of {@code line}. */
    static void putPayload(ByteBuffer out, byte[] origin, long offset, boolean truncated, byte[] line, int lineLength) {
        out.put(VERSION).putInt(origin.length).put(origin).putLong(offset).put(truncated ? TRUNCATED : 0);
        out.putInt(lineLength).put(line, 0, lineLength);
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes payloads in order, reusing the previous record's {@link Origin} while the origin bytes repeat. */
    static final class Decoder {
        private byte[] lastOriginBytes = new byte[0];
        private Origin lastOrigin;

        JournalRecord decode(byte[] payload, int length) {
            ByteBuffer in = ByteBuffer.wrap(payload, 0, length);
            byte version = in.get(0);
            if (version == 0 || version == LEGACY_NO_OFFSET) {
                return legacy(in);
            }
            if (version != VERSION) {
                throw new IllegalArgumentException("journal record version " + version + " is not known to this build");
            }
            in.position(1);
            int originLength = in.getInt();
            int originStart = in.position();
            if (originLength < 0 || originLength > in.remaining()) {
                throw new IllegalArgumentException("origin length " + originLength + " runs past the record");
            }
            if (lastOrigin == null || !Arrays.equals(lastOriginBytes, 0, lastOriginBytes.length, payload, originStart, originStart + originLength)) {
                ByteBuffer origin = ByteBuffer.wrap(payload, originStart, originLength);
                long receivedNanos = origin.getLong();
                lastOrigin = new Origin(string(origin), string(origin), string(origin), string(origin), string(origin), receivedNanos);
                lastOriginBytes = Arrays.copyOfRange(payload, originStart, originStart + originLength);
            }
            in.position(originStart + originLength);
            long offset = in.getLong();
            boolean truncated = (in.get() & TRUNCATED) != 0;
            return new JournalRecord(lastOrigin, offset, truncated, string(in));
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

package io.seismo.daemon.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Reads the records of one journal segment in order and stops at the first record that is torn (shorter
 * than its length says) or corrupt (CRC mismatch): everything before it is good, nothing after it is trusted.
 */
public final class JournalReader {
    private JournalReader() {
    }

    /** Calls {@code each} for every good record; returns how the segment ended. */
    public static SegmentEnd read(Path segment, Consumer<JournalRecord> each) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.BIG_ENDIAN);
        CRC32C crc = new CRC32C();
        long good = 0;
        while (buf.remaining() >= 8) {
            int start = buf.position();
            int length = buf.getInt();
            int expected = buf.getInt();
            if (length < 20 || length > buf.remaining()) {
                return new SegmentEnd(good, start, true);
            }
            ByteBuffer payload = buf.slice(buf.position(), length);
            crc.reset();
            crc.update(payload.duplicate());
            if ((int) crc.getValue() != expected) {
                return new SegmentEnd(good, start, true);
            }
            long offset = payload.getLong();
            String source = string(payload);
            String service = string(payload);
            String line = string(payload);
            buf.position(buf.position() + length);
            each.accept(new JournalRecord(source, offset, service, line));
            good++;
        }
        return new SegmentEnd(good, buf.position(), buf.hasRemaining());
    }

    private static String string(ByteBuffer payload) {
        int len = payload.getInt();
        byte[] b = new byte[len];
        payload.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** How many good records a segment had, where they end, and whether bytes after them were cut off or corrupt. */
    public record SegmentEnd(long goodRecords, long goodBytes, boolean damagedTail) {
    }
}

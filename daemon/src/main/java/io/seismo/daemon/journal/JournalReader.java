package io.seismo.daemon.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Reads the records of one journal segment in order, streaming, and stops at the first record that is torn
 * (shorter than its length says) or corrupt (CRC mismatch, unreadable payload): everything before it is good,
 * nothing after it is trusted.
 */
public final class JournalReader {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);
    private static final int HEADER_BYTES = 8;

    private JournalReader() {
    }

    /** Calls {@code each} for every good record; returns how the segment ended. */
    public static SegmentEnd read(Path segment, Consumer<JournalRecord> each) throws IOException {
        return read(segment, 0, each);
    }

    /**
     * Calls {@code each} for every good record from byte {@code from} on (a record boundary); with a null
     * {@code each} only checks the records, without decoding them.
     */
    public static SegmentEnd read(Path segment, long from, Consumer<JournalRecord> each) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = channel.size();
            if (from > size) {
                return new SegmentEnd(0, from, true);
            }
            channel.position(from);
            InputStream stream = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            DataInputStream in = new DataInputStream(stream);
            RecordFormat.Decoder decoder = new RecordFormat.Decoder();
            CRC32C crc = new CRC32C();
            byte[] payload = new byte[4096];
            long position = from;
            long good = 0;
            while (position < size) {
                if (size - position < HEADER_BYTES) {
                    return new SegmentEnd(good, position, true);
                }
                int length = in.readInt();
                int expected = in.readInt();
                if (length < RecordFormat.MIN_PAYLOAD_BYTES || length > size - position - HEADER_BYTES) {
                    return new SegmentEnd(good, position, true);
                }
                if (payload.length < length) {
                    payload = new byte[Math.max(length, payload.length * 2)];
                }
                try {
                    in.readFully(payload, 0, length);
                } catch (EOFException e) {
                    return new SegmentEnd(good, position, true);
                }
                crc.reset();
                crc.update(payload, 0, length);
                if ((int) crc.getValue() != expected) {
                    return new SegmentEnd(good, position, true);
                }
                if (each != null) {
                    JournalRecord record;
                    try {
                        record = decoder.decode(payload, length);
                    } catch (RuntimeException e) {
                        // A CRC-valid record this build cannot read: as untrusted as a corrupt one.
                        return new SegmentEnd(good, position, true);
                    }
                    if (record != null) {
                        each.accept(record);
                    }
                }
                position += HEADER_BYTES + length;
                if (RecordFormat.holdsLine(payload[0])) {
                    good++;
                }
            }
            return new SegmentEnd(good, position, false);
        }
    }

    /**
     * Calls {@code each} for every good record from {@code from} on, over all later segments; from the oldest
     * segment when {@code from} is null. A damaged stretch ends its segment's records and is logged; reading
     * goes on with the next segment.
     *
     * @return how many line records were read
     */
    public static long readFrom(JournalFiles files, JournalPosition from, Consumer<JournalRecord> each) throws IOException {
        long lines = 0;
        for (Path segment : files.segments()) {
            long number = JournalFiles.numberOf(segment);
            if (from != null && number < from.segment()) {
                continue;
            }
            long start = from != null && number == from.segment() ? from.offset() : 0;
            SegmentEnd end = read(segment, start, each);
            lines += end.goodLines();
            if (end.damagedTail()) {
                LOG.warn("journal segment {} is damaged at byte {}: its records after that are skipped", segment, end.goodBytes());
            }
        }
        return lines;
    }

    /**
     * How many good line records a segment had (an origin record holds no line), where its good records end, and
     * whether bytes after them were cut off or corrupt.
     */
    public record SegmentEnd(long goodLines, long goodBytes, boolean damagedTail) {
    }
}

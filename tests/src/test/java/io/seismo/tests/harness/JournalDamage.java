package io.seismo.tests.harness;

import io.seismo.daemon.journal.JournalReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What a crash in the middle of a journal append leaves at the end of the newest segment: a record that was
 * being written, never acknowledged, either cut short or with a byte that did not make it. Built from a copy
 * of the segment's last good record, framed as the journal frames every record ({@code [int length][int crc]}
 * then the payload), so the damage looks like a real record and not like noise.
 */
public enum JournalDamage {
    /** The record stops half way through its payload. */
    TORN_RECORD,
    /** The record is whole but one payload byte differs from what its CRC covers. */
    FLIPPED_BYTE;

    private static final int HEADER_BYTES = 8;

    /** Appends the damage to the newest segment in {@code journalDir}; the daemon must not be running. */
    public void applyTo(Path journalDir) throws IOException {
        Path segment = newestSegment(journalDir);
        byte[] bytes = Files.readAllBytes(segment);
        long goodBytes = JournalReader.read(segment, record -> { }).goodBytes();
        int last = lastRecordStart(bytes, goodBytes);
        if (last < 0) {
            throw new IllegalStateException("segment " + segment + " has no good record to build the damage from");
        }
        int length = ByteBuffer.wrap(bytes, last, Integer.BYTES).getInt();
        byte[] record = Arrays.copyOfRange(bytes, last, last + HEADER_BYTES + length);
        byte[] damage = switch (this) {
            case TORN_RECORD -> Arrays.copyOf(record, HEADER_BYTES + length / 2);
            case FLIPPED_BYTE -> {
                record[HEADER_BYTES + length / 2] ^= 0x5A;
                yield record;
            }
        };
        Files.write(segment, damage, StandardOpenOption.APPEND);
    }

    private static int lastRecordStart(byte[] bytes, long goodBytes) {
        int position = 0;
        int last = -1;
        while (position + HEADER_BYTES <= goodBytes) {
            last = position;
            position += HEADER_BYTES + ByteBuffer.wrap(bytes, position, Integer.BYTES).getInt();
        }
        return last;
    }

    private static Path newestSegment(Path journalDir) throws IOException {
        try (Stream<Path> files = Files.list(journalDir)) {
            // Segment names carry a zero-padded number, so name order is write order.
            return files.filter(Files::isRegularFile).max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no journal segment in " + journalDir));
        }
    }
}

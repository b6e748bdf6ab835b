package io.seismo.daemon.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentedJournalTest {
    private static final Origin CHECKOUT = new Origin("agent-1", "host-1", "checkout", "/var/log/checkout.log", "src-a", 1234L);
    private static final Origin BILLING = new Origin("agent-2", null, "billing", null, "src-b", 99L);

    @TempDir
    Path dir;

    private final AtomicInteger tailsTruncated = new AtomicInteger();

    @Test
    void shouldReadBackEveryCommittedRecordWithItsOriginInOrder() throws IOException {
        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            journal.append(CHECKOUT, 0, false, "first line");
            journal.append(CHECKOUT, 11, true, "second line with ünïcödé");
            journal.append(BILLING, 7, false, "from another batch");
            journal.commit();
        }
        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(onlySegment(), records::add);

        assertThat(records).containsExactly(
                new JournalRecord(CHECKOUT, 0, false, "first line"),
                new JournalRecord(CHECKOUT, 11, true, "second line with ünïcödé"),
                new JournalRecord(BILLING, 7, false, "from another batch"));
        assertThat(end.damagedTail()).isFalse();
    }

    @Test
    void shouldStopReadingAtATornTailAndKeepWhatCameBefore() throws IOException {
        writeTwoRecords();
        Path segment = onlySegment();
        cutBytes(segment, 3);

        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).extracting(JournalRecord::line).containsExactly("kept");
        assertThat(end.damagedTail()).isTrue();
    }

    @Test
    void shouldDetectACorruptRecordByItsChecksum() throws IOException {
        writeTwoRecords();
        Path segment = onlySegment();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), ch.size() - 2);
        }
        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).extracting(JournalRecord::line).containsExactly("kept");
        assertThat(end.damagedTail()).isTrue();
    }

    @Test
    void shouldCutATornTailOnOpenAndAppendAfterTheLastGoodRecord() throws IOException {
        writeTwoRecords();
        cutBytes(onlySegment(), 3);

        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            journal.append(CHECKOUT, 20, false, "after restart");
            journal.commit();
        }
        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(onlySegment(), records::add);

        assertThat(records).extracting(JournalRecord::line).containsExactly("kept", "after restart");
        assertThat(end.damagedTail()).isFalse();
        assertThat(tailsTruncated).hasValue(1);
    }

    @Test
    void shouldLeaveAnIntactJournalAloneOnOpen() throws IOException {
        writeTwoRecords();
        long size = Files.size(onlySegment());

        open(JournalOptions.perBatch(1 << 20)).close();

        assertThat(Files.size(onlySegment())).isEqualTo(size);
        assertThat(tailsTruncated).hasValue(0);
    }

    @Test
    void shouldGiveThePositionJustPastTheLastCommittedRecord() throws IOException {
        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            assertThat(journal.position()).isEqualTo(new JournalPosition(0, 0));
            journal.append(CHECKOUT, 0, false, "one");
            journal.commit();
            JournalPosition afterOne = journal.position();
            journal.append(CHECKOUT, 4, false, "two");
            assertThat(journal.position()).as("staged, not committed").isEqualTo(afterOne);
            journal.commit();

            List<JournalRecord> after = new ArrayList<>();
            JournalReader.readFrom(journal.files(), afterOne, after::add);

            assertThat(afterOne).isEqualTo(new JournalPosition(0, Files.size(onlySegment()) - (journal.position().offset() - afterOne.offset())));
            assertThat(journal.position().offset()).isEqualTo(Files.size(onlySegment()));
            assertThat(after).extracting(JournalRecord::line).containsExactly("two");
        }
    }

    @Test
    void shouldCountEveryByteWrittenSinceTheLastCommitEvenWhenStagingFilledBeforeIt() throws IOException {
        String line = "x".repeat(300);
        try (SegmentedJournal journal = open(JournalOptions.perBatch(64 << 20))) {
            // Well over the 1 MiB of staging: most of it goes out while appending, before the commit.
            for (int i = 0; i < 5_000; i++) {
                journal.append(CHECKOUT, i * 301L, false, line);
            }
            long first = journal.commit();
            assertThat(first).isEqualTo(Files.size(onlySegment())).isGreaterThan(1 << 20);

            journal.append(CHECKOUT, 5_000 * 301L, false, line);
            long second = journal.commit();
            assertThat(second).isEqualTo(Files.size(onlySegment()) - first);
        }
    }

    @Test
    void shouldReadFromAPositionAcrossSegmentsAndDeleteOnlyWholeSegmentsBeforeIt() throws IOException {
        try (SegmentedJournal journal = open(JournalOptions.perBatch(100))) {
            for (int i = 0; i < 6; i++) {
                journal.append(CHECKOUT, i * 100L, false, "a line long enough to fill a tiny segment " + i);
                journal.commit();
            }
            // Every record fills its segment: segments 0 to 5 hold one each, 6 is the open, empty one.
            assertThat(journal.position()).isEqualTo(new JournalPosition(6, 0));
        }
        JournalFiles files = new JournalFiles(dir);
        JournalPosition from = new JournalPosition(3, 0);

        int deleted = files.deleteBefore(from.segment());
        List<JournalRecord> replayed = new ArrayList<>();
        long count = JournalReader.readFrom(files, from, replayed::add);

        assertThat(deleted).isEqualTo(3);
        assertThat(files.segments()).extracting(JournalFiles::numberOf).containsExactly(3L, 4L, 5L, 6L);
        assertThat(count).isEqualTo(3);
        assertThat(replayed).extracting(JournalRecord::offset).containsExactly(300L, 400L, 500L);
    }

    @Test
    void shouldForceEveryCommitWithTheBatchPolicy() throws IOException {
        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            for (int i = 0; i < 3; i++) {
                journal.append(CHECKOUT, i, false, "line");
                journal.commit();
            }
            assertThat(journal.syncs()).isEqualTo(3);
        }
    }

    @Test
    void shouldForceOnlyOncePerIntervalWithTheIntervalPolicyButAlwaysOnSync() throws IOException {
        try (SegmentedJournal journal = open(new JournalOptions(1 << 20, FsyncPolicy.INTERVAL, Duration.ofHours(1)))) {
            for (int i = 0; i < 3; i++) {
                journal.append(CHECKOUT, i, false, "line");
                journal.commit();
            }
            assertThat(journal.syncs()).isZero();

            journal.sync();

            assertThat(journal.syncs()).isEqualTo(1);
        }
    }

    @Test
    void shouldStillReadRecordsOfTheFirstLayoutWithAndWithoutAnOffset() throws IOException {
        Path segment = new JournalFiles(dir).segment(0);
        Files.write(segment, concat(legacyRecord(42, "src-a", "checkout", "old line"), legacyRecord(-1, "src-a", "checkout", "no offset")));

        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).containsExactly(
                new JournalRecord(new Origin(null, null, "checkout", null, "src-a", 0), 42, false, "old line"),
                new JournalRecord(new Origin(null, null, "checkout", null, "src-a", 0), -1, false, "no offset"));
        assertThat(end.damagedTail()).isFalse();
    }

    @Test
    void shouldStillReadVersion1RecordsThatCarryTheirOriginInEveryLine() throws IOException {
        Path segment = new JournalFiles(dir).segment(0);
        Files.write(segment, concat(version1Record(CHECKOUT, 3, "one"), version1Record(CHECKOUT, 7, "two"),
                version1Record(BILLING, 1, "three")));

        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).containsExactly(new JournalRecord(CHECKOUT, 3, false, "one"),
                new JournalRecord(CHECKOUT, 7, false, "two"), new JournalRecord(BILLING, 1, false, "three"));
        assertThat(end.goodLines()).isEqualTo(3);
        assertThat(end.damagedTail()).isFalse();
    }

    @Test
    void shouldReadASegmentOfVersion1RecordsThatThisBuildWentOnAppendingTo() throws IOException {
        Path segment = new JournalFiles(dir).segment(0);
        Files.write(segment, version1Record(CHECKOUT, 3, "written before the upgrade"));
        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            journal.append(CHECKOUT, 30, false, "written after it");
            journal.commit();
        }

        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(onlySegment(), records::add);

        assertThat(records).containsExactly(new JournalRecord(CHECKOUT, 3, false, "written before the upgrade"),
                new JournalRecord(CHECKOUT, 30, false, "written after it"));
        assertThat(end.damagedTail()).isFalse();
        assertThat(tailsTruncated).hasValue(0);
    }

    @Test
    void shouldStartEveryCommitWithItsOriginSoThatReadingFromACommitKnowsEachLinesOrigin() throws IOException {
        JournalPosition afterFirst;
        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            journal.append(CHECKOUT, 0, false, "a");
            journal.append(CHECKOUT, 2, false, "b");
            journal.commit();
            afterFirst = journal.position();
            journal.append(CHECKOUT, 4, false, "c");
            journal.commit();
            journal.append(BILLING, 7, false, "d");
            journal.append(CHECKOUT, 9, false, "e");
            journal.commit();
        }
        List<JournalRecord> records = new ArrayList<>();

        long read = JournalReader.readFrom(new JournalFiles(dir), afterFirst, records::add);

        assertThat(records).containsExactly(new JournalRecord(CHECKOUT, 4, false, "c"),
                new JournalRecord(BILLING, 7, false, "d"), new JournalRecord(CHECKOUT, 9, false, "e"));
        assertThat(read).as("lines, not origin records").isEqualTo(3);
    }

    @Test
    void shouldWriteABatchsOriginOncePerCommitNotWithEveryLine() throws IOException {
        String line = "a line of about the length the benchmark writes ".repeat(5);
        int lines = 1_000;
        try (SegmentedJournal journal = open(JournalOptions.perBatch(64 << 20))) {
            for (int i = 0; i < lines; i++) {
                journal.append(CHECKOUT, i, false, line);
            }
            journal.commit();
        }
        long originRecord = 8 + 1 + RecordFormat.encodeOrigin(CHECKOUT).length;
        long lineRecord = 8 + 1 + 8 + 1 + 4 + line.length();

        assertThat(Files.size(onlySegment())).isEqualTo(originRecord + lines * lineRecord);
    }

    @Test
    void shouldTakeALineRecordBeforeAnyOriginForDamage() throws IOException {
        Path segment = new JournalFiles(dir).segment(0);
        byte[] line = "orphan".getBytes(StandardCharsets.UTF_8);
        Files.write(segment, record(ByteBuffer.allocate(14 + line.length).put((byte) 3).putLong(0).put((byte) 0)
                .putInt(line.length).put(line).array()));

        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).isEmpty();
        assertThat(end.goodBytes()).isZero();
        assertThat(end.damagedTail()).isTrue();
    }

    private static byte[] legacyRecord(long offset, String source, String service, String line) {
        byte[][] strings = {source.getBytes(StandardCharsets.UTF_8), service.getBytes(StandardCharsets.UTF_8),
                line.getBytes(StandardCharsets.UTF_8)};
        ByteBuffer payload = ByteBuffer.allocate(8 + 12 + strings[0].length + strings[1].length + strings[2].length).putLong(offset);
        for (byte[] string : strings) {
            payload.putInt(string.length).put(string);
        }
        return record(payload.array());
    }

    /** {@code [byte 1][int originLength][origin][long offset][byte flags][string line]}, as builds before 2 wrote. */
    private static byte[] version1Record(Origin origin, long offset, String line) {
        byte[] originBytes = RecordFormat.encodeOrigin(origin);
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        return record(ByteBuffer.allocate(1 + 4 + originBytes.length + 8 + 1 + 4 + text.length).put((byte) 1)
                .putInt(originBytes.length).put(originBytes).putLong(offset).put((byte) 0).putInt(text.length).put(text)
                .array());
    }

    /** {@code [int length][int crc32c][payload]}. */
    private static byte[] record(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt((int) crc.getValue())
                .put(payload).array();
    }

    private static byte[] concat(byte[]... records) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(records).mapToInt(r -> r.length).sum());
        for (byte[] record : records) {
            all.put(record);
        }
        return all.array();
    }

    private SegmentedJournal open(JournalOptions options) throws IOException {
        return new SegmentedJournal(dir, options, tailsTruncated::incrementAndGet);
    }

    private void writeTwoRecords() throws IOException {
        try (SegmentedJournal journal = open(JournalOptions.perBatch(1 << 20))) {
            journal.append(CHECKOUT, 0, false, "kept");
            journal.append(CHECKOUT, 5, false, "torn away");
            journal.commit();
        }
    }

    private static void cutBytes(Path segment, int bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - bytes);
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> all = new JournalFiles(dir).segments();
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}

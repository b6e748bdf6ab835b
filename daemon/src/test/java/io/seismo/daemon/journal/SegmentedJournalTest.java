package io.seismo.daemon.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentedJournalTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryCommittedRecordInOrder() throws IOException {
        try (SegmentedJournal journal = new SegmentedJournal(dir, 1 << 20, 4, true)) {
            journal.append("src-a", 0, "checkout", "first line");
            journal.append("src-a", 11, "checkout", "second line with ünïcödé");
            journal.commit();
        }
        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(onlySegment(), records::add);

        assertThat(records).containsExactly(
                new JournalRecord("src-a", 0, "checkout", "first line"),
                new JournalRecord("src-a", 11, "checkout", "second line with ünïcödé"));
        assertThat(end.damagedTail()).isFalse();
    }

    @Test
    void shouldStopAtATornTailAndKeepWhatCameBefore() throws IOException {
        try (SegmentedJournal journal = new SegmentedJournal(dir, 1 << 20, 4, false)) {
            journal.append("s", 0, "svc", "kept");
            journal.append("s", 5, "svc", "torn away");
            journal.commit();
        }
        Path segment = onlySegment();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3);
        }
        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).extracting(JournalRecord::line).containsExactly("kept");
        assertThat(end.damagedTail()).isTrue();
    }

    @Test
    void shouldDetectACorruptRecordByItsChecksum() throws IOException {
        try (SegmentedJournal journal = new SegmentedJournal(dir, 1 << 20, 4, false)) {
            journal.append("s", 0, "svc", "good");
            journal.append("s", 5, "svc", "flipped");
            journal.commit();
        }
        Path segment = onlySegment();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), ch.size() - 2);
        }
        List<JournalRecord> records = new ArrayList<>();
        JournalReader.SegmentEnd end = JournalReader.read(segment, records::add);

        assertThat(records).extracting(JournalRecord::line).containsExactly("good");
        assertThat(end.damagedTail()).isTrue();
    }

    @Test
    void shouldRollSegmentsAndKeepOnlyTheNewestOnes() throws IOException {
        try (SegmentedJournal journal = new SegmentedJournal(dir, 100, 2, false)) {
            for (int i = 0; i < 10; i++) {
                journal.append("s", i * 100L, "svc", "a line long enough to fill a tiny segment " + i);
                journal.commit();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2L);
        }
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(f -> Files.isRegularFile(f)).sorted().toList();
            assertThat(all).isNotEmpty();
            return all.get(0);
        }
    }
}

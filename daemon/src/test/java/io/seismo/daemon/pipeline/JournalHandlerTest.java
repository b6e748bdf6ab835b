package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.JournalReader;
import io.seismo.daemon.journal.JournalRecord;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JournalHandlerTest {
    @TempDir
    Path dir;

    @Test
    void shouldPassOnALargeBatchGroupByGroupEachOnceItIsInTheJournal() throws Exception {
        RecordingProgress progress = new RecordingProgress(shown -> journaledLines());
        CountingAck firstClientBatch = new CountingAck();
        CountingAck secondClientBatch = new CountingAck();
        try (SegmentedJournal journal = new SegmentedJournal(dir, JournalOptions.perBatch(1 << 26), () -> { })) {
            JournalHandler handler = new JournalHandler(journal, new DaemonMetrics());
            handler.setSequenceCallback(progress);

            int slots = 2_000;
            handler.onBatchStart(slots, slots);
            for (int i = 0; i < slots; i++) {
                JournalAck ack = i == 99 ? firstClientBatch : i == slots - 1 ? secondClientBatch : null;
                handler.onEvent(line(i, ack), i, i == slots - 1);
                if (i == 499) {
                    // The first group is committed and answered before the rest of the ring batch is read.
                    assertThat(firstClientBatch.journaled).isEqualTo(1);
                    assertThat(secondClientBatch.journaled).isZero();
                }
            }

            // Four groups of 500: the first three passed on by the handler, the last by the processor at the
            // batch's end; each only once every line up to it could be read back from the journal.
            assertThat(progress.shown).containsExactly(499L, 999L, 1_499L);
            assertThat(progress.probedWhenShown).containsExactly(500L, 1_000L, 1_500L);
            assertThat(journaledLines()).isEqualTo(slots);
            assertThat(secondClientBatch.journaled).isEqualTo(1);
        }
    }

    @Test
    void shouldNeverPassOnAGroupSmallerThanTheMinimum() throws Exception {
        RecordingProgress progress = new RecordingProgress(shown -> journaledLines());
        try (SegmentedJournal journal = new SegmentedJournal(dir, JournalOptions.perBatch(1 << 26), () -> { })) {
            JournalHandler handler = new JournalHandler(journal, new DaemonMetrics());
            handler.setSequenceCallback(progress);
            int min = JournalHandler.MIN_GROUP_SLOTS;

            // A batch of the minimum is one group, committed at its end (the processor passes it on).
            feed(handler, 0, min);
            assertThat(progress.shown).isEmpty();
            // Just under two minimums: a quarter would be smaller than the minimum, so two groups.
            feed(handler, min, 2 * min - 1);
            assertThat(progress.shown).containsExactly(2L * min - 1);

            assertThat(journaledLines()).isEqualTo(3 * min - 1);
        }
    }

    private static void feed(JournalHandler handler, int first, int count) {
        handler.onBatchStart(count, count);
        for (int i = first; i < first + count; i++) {
            handler.onEvent(line(i, null), i, i == first + count - 1);
        }
    }

    private static Slot line(int number, JournalAck ack) {
        return LineSlots.line("line " + number, number * 16L, ack);
    }

    private long journaledLines() {
        List<JournalRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path segment : files.sorted().toList()) {
                JournalReader.read(segment, records::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records.size();
    }

    private static final class CountingAck implements JournalAck {
        int journaled;

        @Override
        public void journaled() {
            journaled++;
        }

        @Override
        public void failed(Throwable cause) {
            throw new AssertionError("the journal failed", cause);
        }
    }
}

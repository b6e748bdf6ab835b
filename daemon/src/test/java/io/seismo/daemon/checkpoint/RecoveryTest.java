package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints through the real pipeline, then a restart on the same data folder that recovers from them. */
class RecoveryTest {
    @TempDir
    Path data;

    @Test
    void shouldRestoreTheCheckpointAndReplayOnlyTheJournalAfterIt() throws Exception {
        try (DurableRig before = new DurableRig(data)) {
            before.ingest("src-1", 0, "a", "b");
            before.checkpoint();
            before.ingest("src-1", 20, "c", "a");
        }
        try (DurableRig after = new DurableRig(data)) {
            RecoveryResult result = after.recover();

            assertThat(result.checkpoint()).isPresent();
            assertThat(result.eventsReplayed()).isEqualTo(2);
            assertThat(result.drained()).isTrue();
            assertThat(after.correlator.counts()).isEqualTo(Map.of("a", 2, "b", 1, "c", 1));
            assertThat(after.ingestOffsets.highWater("src-1")).isEqualTo(31);
            assertThat(after.durability.replayEvents.get()).isEqualTo(2);
        }
    }

    @Test
    void shouldReplayTheWholeJournalWhenThereIsNoCheckpoint() throws Exception {
        try (DurableRig before = new DurableRig(data)) {
            before.ingest("src-1", 0, "a", "b", "c");
        }
        try (DurableRig after = new DurableRig(data)) {
            RecoveryResult result = after.recover();

            assertThat(result.checkpoint()).isEmpty();
            assertThat(result.eventsReplayed()).isEqualTo(3);
            assertThat(after.correlator.counts()).isEqualTo(Map.of("a", 1, "b", 1, "c", 1));
            assertThat(after.ingestOffsets.highWater("src-1")).isEqualTo(21);
        }
    }

    @Test
    void shouldCarryTheSourceOffsetsOfTheCheckpointAndTheReplayIntoTheNextCheckpoint() throws Exception {
        try (DurableRig before = new DurableRig(data)) {
            before.ingest("src-1", 0, "a", "b");
            before.checkpoint();
            before.ingest("src-2", 100, "c");
        }
        try (DurableRig after = new DurableRig(data)) {
            after.recover();

            Checkpoint next = after.checkpoint().checkpoint();

            assertThat(next.sourceOffsets()).isEqualTo(Map.of("src-1", 11L, "src-2", 101L));
            assertThat(after.ingestOffsets.highWater("src-1")).isEqualTo(11);
            assertThat(after.ingestOffsets.highWater("src-2")).isEqualTo(101);
        }
    }

    @Test
    void shouldKeepTheJournalEveryKeptCheckpointNeedsSoThatAFallbackLosesNothing() throws Exception {
        List<StoredCheckpoint> written = new ArrayList<>();
        try (DurableRig before = new DurableRig(data, 200, AlertingState.stateless(), CheckpointFault.NONE)) {
            JournalFiles files = before.journal.files();
            for (int round = 0; round < CheckpointStore.KEEP; round++) {
                for (int i = 0; i < 10; i++) {
                    before.ingest("src-1", (round * 10L + i) * 10, "line " + (round * 10 + i));
                }
                assertThat(files.segments()).as("nothing deleted while fewer than %d checkpoints exist", CheckpointStore.KEEP)
                        .extracting(JournalFiles::numberOf).contains(0L);
                written.add(before.checkpoint());
            }
            long oldestKept = written.get(0).checkpoint().position().segment();
            assertThat(oldestKept).isPositive();
            assertThat(files.segments()).extracting(JournalFiles::numberOf)
                    .allMatch(number -> number >= oldestKept, "only segments the oldest kept checkpoint needs remain");
        }
        // The two newest checkpoints are damaged: recovery falls back to the oldest, whose journal is still there.
        for (StoredCheckpoint damaged : written.subList(1, written.size())) {
            Files.write(damaged.file(), "torn".getBytes(StandardCharsets.UTF_8));
        }
        try (DurableRig after = new DurableRig(data, 200, AlertingState.stateless(), CheckpointFault.NONE)) {
            RecoveryResult result = after.recover();

            assertThat(result.checkpoint()).contains(written.get(0).file());
            assertThat(result.eventsReplayed()).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @EnumSource(CheckpointFault.Step.class)
    void shouldRecoverEveryLineExactlyOnceAfterACrashAtAnyStepOfACheckpointWrite(CheckpointFault.Step crashAt) throws Exception {
        CheckpointFault crashOnSecond = new CheckpointFault() {
            private int writes;

            @Override
            public void at(Step step) {
                if (step == Step.AFTER_WRITE) {
                    writes++;
                }
                if (writes == 2 && step == crashAt) {
                    throw new IllegalStateException("simulated crash at " + step);
                }
            }
        };
        try (DurableRig before = new DurableRig(data, 1 << 20, AlertingState.stateless(), crashOnSecond)) {
            before.ingest("src-1", 0, "a");
            before.checkpoint();
            before.ingest("src-1", 10, "b");
            assertThatThrownBy(before::checkpoint).isInstanceOf(ExecutionException.class);
            before.ingest("src-1", 20, "c");
        }
        try (DurableRig after = new DurableRig(data)) {
            after.recover();

            assertThat(after.correlator.counts()).isEqualTo(Map.of("a", 1, "b", 1, "c", 1));
            assertThat(after.ingestOffsets.highWater("src-1")).isEqualTo(21);
        }
    }

    @Test
    void shouldRecoverUpToTheLastGoodRecordOfATornJournalTail() throws Exception {
        try (DurableRig before = new DurableRig(data)) {
            before.ingest("src-1", 0, "a");
            before.checkpoint();
            before.ingest("src-1", 10, "b", "c");
        }
        List<Path> segments = new JournalFiles(data.resolve("journal")).segments();
        try (FileChannel last = FileChannel.open(segments.get(segments.size() - 1), StandardOpenOption.WRITE)) {
            last.truncate(last.size() - 3);
        }
        try (DurableRig after = new DurableRig(data)) {
            RecoveryResult result = after.recover();

            assertThat(after.durability.journalTailTruncated.get()).isEqualTo(1);
            assertThat(result.eventsReplayed()).isEqualTo(1);
            assertThat(after.correlator.counts()).isEqualTo(Map.of("a", 1, "b", 1));
        }
    }

    @Test
    void shouldSkipAndCountACheckpointWhenAlertingGivesNoStateInTime() throws Exception {
        AlertingState silent = new AlertingState() {
            @Override
            public CompletableFuture<byte[]> snapshotAfterQueued() {
                return new CompletableFuture<>();
            }

            @Override
            public void restore(byte[] state) {
            }
        };
        try (DurableRig rig = new DurableRig(data, 1 << 20, silent, CheckpointFault.NONE)) {
            rig.ingest("src-1", 0, "a");

            assertThatThrownBy(rig::checkpoint).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            assertThat(rig.durability.checkpointFailures.get()).isEqualTo(1);
            assertThat(rig.durability.checkpoints.get()).isZero();
            assertThat(rig.store.loadNewest()).isEmpty();
        }
    }
}

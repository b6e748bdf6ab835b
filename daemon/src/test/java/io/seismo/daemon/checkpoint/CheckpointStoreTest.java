package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    private final AtomicInteger fallbacks = new AtomicInteger();

    @Test
    void shouldLoadWhatItWroteByteForByte() throws IOException {
        Checkpoint written = checkpoint(7);

        StoredCheckpoint stored = store(CheckpointFault.NONE).write(written);
        Optional<StoredCheckpoint> loaded = store(CheckpointFault.NONE).loadNewest();

        assertThat(stored.file().getFileName().toString()).isEqualTo("checkpoint-0000000000000001.bin");
        assertThat(loaded).isPresent();
        Checkpoint read = loaded.get().checkpoint();
        assertThat(read.position()).isEqualTo(written.position());
        assertThat(read.sourceOffsets()).isEqualTo(written.sourceOffsets());
        assertThat(read.engineStateBytes()).isEqualTo(written.engineStateBytes());
        assertThat(read.alertingState()).isEqualTo(written.alertingState());
        assertThat(read.takenAt()).isEqualTo(written.takenAt());
        assertThat(loaded.get().fileBytes()).isEqualTo(Files.size(stored.file()));
        assertThat(fallbacks).hasValue(0);
    }

    @Test
    void shouldWriteAStateOfManyChunksWhole() throws IOException {
        byte[] engine = new byte[(5 << 20) / 2 + 3]; // two and a half write chunks, in three pieces of the engine's
        new SplittableRandom(5).nextBytes(engine);
        List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(engine, 0, 262_144), ByteBuffer.wrap(engine, 262_144, 2_000_000),
                ByteBuffer.wrap(engine, 2_262_144, engine.length - 2_262_144));
        Checkpoint written = new Checkpoint(new JournalPosition(3, 9), Map.of("src", 1L), pieces,
                new byte[] {4}, Instant.ofEpochMilli(1_700_000_000_000L));

        StoredCheckpoint stored = store(CheckpointFault.NONE).write(written);

        assertThat(Files.size(stored.file())).isEqualTo(stored.fileBytes());
        assertThat(store(CheckpointFault.NONE).loadNewest()).get()
                .extracting(c -> c.checkpoint().engineStateBytes()).isEqualTo(engine);
    }

    @Test
    void shouldStartEmptyWhenThereIsNoCheckpoint() throws IOException {
        assertThat(store(CheckpointFault.NONE).loadNewest()).isEmpty();
    }

    @Test
    void shouldKeepTheNewestThreeAndGoOnNumberingAfterARestart() throws IOException {
        CheckpointStore store = store(CheckpointFault.NONE);
        for (int i = 1; i <= 4; i++) {
            store.write(checkpoint(i));
        }
        store(CheckpointFault.NONE).write(checkpoint(5));

        assertThat(store.checkpointFiles()).extracting(p -> p.getFileName().toString()).containsExactly(
                "checkpoint-0000000000000005.bin", "checkpoint-0000000000000004.bin", "checkpoint-0000000000000003.bin");
        assertThat(store.loadNewest()).get().extracting(c -> c.checkpoint().position().offset()).isEqualTo(5L);
    }

    @ParameterizedTest
    @EnumSource(CheckpointFault.Step.class)
    void shouldFindTheOldOrTheNewCheckpointAfterACrashAtAnyStep(CheckpointFault.Step crashAt) throws IOException {
        store(CheckpointFault.NONE).write(checkpoint(1));
        CheckpointStore crashing = store(step -> {
            if (step == crashAt) {
                throw new SimulatedCrash(step);
            }
        });

        assertThatThrownBy(() -> crashing.write(checkpoint(2))).isInstanceOf(SimulatedCrash.class);
        Optional<StoredCheckpoint> afterRestart = store(CheckpointFault.NONE).loadNewest();

        long expected = crashAt == CheckpointFault.Step.AFTER_RENAME ? 2 : 1;
        assertThat(afterRestart).get().extracting(c -> c.checkpoint().position().offset()).isEqualTo(expected);
        assertThat(fallbacks).hasValue(0);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void shouldDeleteATempFileLeftByAKilledWriteWhenOpened() throws IOException {
        store(CheckpointFault.NONE).write(checkpoint(1));
        Path leftover = dir.resolve("checkpoint-0000000000000002.bin.tmp");
        Files.write(leftover, new byte[] {1, 2, 3});

        CheckpointStore reopened = store(CheckpointFault.NONE);

        assertThat(leftover).doesNotExist();
        assertThat(reopened.loadNewest()).get().extracting(c -> c.checkpoint().position().offset()).isEqualTo(1L);
    }

    @Test
    void shouldFallBackPastATruncatedAndACorruptCheckpointAndCountEach() throws IOException {
        CheckpointStore store = store(CheckpointFault.NONE);
        store.write(checkpoint(1));
        Path corrupt = store.write(checkpoint(2)).file();
        Path truncated = store.write(checkpoint(3)).file();
        flipByte(corrupt, Files.size(corrupt) - 5);
        try (FileChannel ch = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }

        Optional<StoredCheckpoint> loaded = store(CheckpointFault.NONE).loadNewest();

        assertThat(loaded).get().extracting(c -> c.checkpoint().position().offset()).isEqualTo(1L);
        assertThat(fallbacks).hasValue(2);
    }

    @Test
    void shouldStartEmptyWhenNoCheckpointValidates() throws IOException {
        Files.write(dir.resolve("checkpoint-0000000000000009.bin"), "not a checkpoint at all".getBytes());
        Files.write(dir.resolve("checkpoint-0000000000000008.bin"), new byte[0]);

        assertThat(store(CheckpointFault.NONE).loadNewest()).isEmpty();
        assertThat(fallbacks).hasValue(2);
    }

    @Test
    void shouldRefuseAnUnknownCrashStepInTheTestProperty() {
        System.setProperty(CheckpointFault.CRASH_AT_PROPERTY, "duringLunch");
        try {
            assertThatThrownBy(CheckpointFault::fromSystemProperties).hasMessageContaining("afterWrite, beforeRename, afterRename");
        } finally {
            System.clearProperty(CheckpointFault.CRASH_AT_PROPERTY);
        }
        assertThat(CheckpointFault.fromSystemProperties()).isSameAs(CheckpointFault.NONE);
    }

    private CheckpointStore store(CheckpointFault fault) throws IOException {
        return new CheckpointStore(dir, fault, fallbacks::incrementAndGet);
    }

    private static Checkpoint checkpoint(long offset) {
        return new Checkpoint(new JournalPosition(2, offset), Map.of("src-a", 100 + offset, "src-ü", 5L),
                List.of(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) offset})), new byte[] {9, 8},
                Instant.ofEpochMilli(1_700_000_000_000L + offset));
    }

    private static void flipByte(Path file, long at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) at] ^= 0x40;
        Files.write(file, bytes);
    }

    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(CheckpointFault.Step step) {
            super("simulated crash at " + step);
        }
    }
}

package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file written in parts (the states not copied) reads back whole, and its CRC covers every part. */
class CheckpointFormatTest {

    @Test
    void shouldReadBackWhatItsPartsHoldWhateverTheStatesSizes() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int[] sizes : new int[][] {{0, 0}, {1, 0}, {0, 1}, {70_000, 3}, {5, 200_000}}) {
            Checkpoint checkpoint = new Checkpoint(new JournalPosition(7, 4_096), Map.of("agent-1:/var/log/a.log", 123L,
                    "agent-2:/var/log/ü.log", 456L), ByteBuffer.wrap(randomBytes(random, sizes[0])), randomBytes(random, sizes[1]),
                    Instant.ofEpochMilli(1_700_000_000_123L));

            Checkpoint read = CheckpointFormat.decode(joined(CheckpointFormat.parts(checkpoint)));

            assertThat(read.position()).isEqualTo(checkpoint.position());
            assertThat(read.sourceOffsets()).isEqualTo(checkpoint.sourceOffsets());
            assertThat(read.engineState()).isEqualTo(checkpoint.engineState());
            assertThat(read.alertingState()).isEqualTo(checkpoint.alertingState());
            assertThat(read.takenAt()).isEqualTo(checkpoint.takenAt());
        }
    }

    @Test
    void shouldRefuseAFileWithAFlippedByteInAnyPart() {
        SplittableRandom random = new SplittableRandom(10);
        Checkpoint checkpoint = new Checkpoint(new JournalPosition(1, 2), Map.of("s", 3L), ByteBuffer.wrap(randomBytes(random, 1_000)),
                randomBytes(random, 100), Instant.EPOCH);
        byte[] file = joined(CheckpointFormat.parts(checkpoint));
        int headEnd = CheckpointFormat.parts(checkpoint)[0].remaining();
        for (int at : new int[] {CheckpointFormat.HEADER_BYTES, headEnd + 500, file.length - 104, file.length - 1}) {
            byte[] flipped = file.clone();
            flipped[at] ^= 0x10;
            assertThatThrownBy(() -> CheckpointFormat.decode(flipped)).as("byte %d flipped", at)
                    .isInstanceOf(CorruptCheckpointException.class);
        }
    }

    private static byte[] randomBytes(SplittableRandom random, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        return bytes;
    }

    private static byte[] joined(ByteBuffer[] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer part : parts) {
            out.write(part.array(), part.arrayOffset() + part.position(), part.remaining());
        }
        return out.toByteArray();
    }
}

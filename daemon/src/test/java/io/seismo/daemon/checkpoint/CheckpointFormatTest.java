package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file written in parts (the states not copied) reads back whole, and its CRC covers every part. */
class CheckpointFormatTest {

    @Test
    void shouldReadBackWhatItsPartsHoldWhateverTheStatesSizes() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int[] sizes : new int[][] {{0, 0}, {1, 0}, {0, 1}, {70_000, 3}, {5, 200_000}}) {
            byte[] engine = randomBytes(random, sizes[0]);
            Checkpoint checkpoint = new Checkpoint(new JournalPosition(7, 4_096), Map.of("agent-1:/var/log/a.log", 123L,
                    "agent-2:/var/log/ü.log", 456L), pieces(engine, random), randomBytes(random, sizes[1]),
                    Instant.ofEpochMilli(1_700_000_000_123L));

            Checkpoint read = CheckpointFormat.decode(joined(CheckpointFormat.parts(checkpoint)));

            assertThat(read.position()).isEqualTo(checkpoint.position());
            assertThat(read.sourceOffsets()).isEqualTo(checkpoint.sourceOffsets());
            assertThat(read.engineStateBytes()).isEqualTo(engine);
            assertThat(read.alertingState()).isEqualTo(checkpoint.alertingState());
            assertThat(read.takenAt()).isEqualTo(checkpoint.takenAt());
        }
    }

    @Test
    void shouldRefuseAFileWithAFlippedByteInAnyPart() {
        SplittableRandom random = new SplittableRandom(10);
        byte[] engine = randomBytes(random, 1_000);
        Checkpoint checkpoint = new Checkpoint(new JournalPosition(1, 2), Map.of("s", 3L),
                List.of(ByteBuffer.wrap(engine, 0, 600), ByteBuffer.wrap(engine, 600, 400)), randomBytes(random, 100), Instant.EPOCH);
        byte[] file = joined(CheckpointFormat.parts(checkpoint));
        int headEnd = CheckpointFormat.parts(checkpoint).get(0).remaining();
        int[] flips = {CheckpointFormat.HEADER_BYTES, headEnd + 500, headEnd + 800, file.length - 104, file.length - 1};
        for (int at : flips) {
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

    /** {@code bytes} cut at up to three random places, as an engine's chunks are. */
    private static List<ByteBuffer> pieces(byte[] bytes, SplittableRandom random) {
        int[] cuts = IntStream.concat(IntStream.of(0, bytes.length), random.ints(random.nextInt(4), 0, bytes.length + 1))
                .sorted().toArray();
        List<ByteBuffer> pieces = new ArrayList<>();
        for (int i = 1; i < cuts.length; i++) {
            pieces.add(ByteBuffer.wrap(bytes, cuts[i - 1], cuts[i] - cuts[i - 1]));
        }
        return pieces;
    }

    private static byte[] joined(List<ByteBuffer> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer part : parts) {
            out.write(part.array(), part.arrayOffset() + part.position(), part.remaining());
        }
        return out.toByteArray();
    }
}

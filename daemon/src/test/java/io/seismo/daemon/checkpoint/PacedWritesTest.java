package io.seismo.daemon.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class PacedWritesTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryPartInOrderAndForceOncePerStepWritten() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        // Parts smaller than a step, one spanning several steps and chunks, and an empty one.
        List<ByteBuffer> parts = List.of(bytes(random, 5), bytes(random, 2 * PacedWrites.CHUNK_BYTES + 123),
                bytes(random, 0), bytes(random, 70_001), bytes(random, 999));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        parts.forEach(part -> expected.write(part.array(), part.arrayOffset(), part.remaining()));
        int forceEvery = 100_000;

        Path file = dir.resolve("paced.bin");
        PacedWrites paced;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            paced = new PacedWrites(channel, forceEvery);
            for (ByteBuffer part : parts) {
                paced.write(part);
            }
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        assertThat(paced.forces()).isEqualTo(expected.size() / forceEvery);
        assertThat(parts).allSatisfy(part -> assertThat(part.position()).isZero());
    }

    @Test
    void shouldWriteFromAPartsPositionOn() throws IOException {
        ByteBuffer part = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        part.position(2);

        Path file = dir.resolve("rest.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            new PacedWrites(channel, 2).write(part);
        }

        assertThat(Files.readAllBytes(file)).containsExactly(3, 4, 5);
        assertThat(part.position()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAStepOfNothing() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("none.bin"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> new PacedWrites(channel, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static ByteBuffer bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }
}

package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Chunked bytes read back as the one array a {@link DataOutputStream} would have written, across chunk edges. */
class ChunkedBytesTest {

    /** Chunks grow to the largest size and stay there; each byte around every chunk's edge is where it was put. */
    @Test
    void shouldFindEveryByteBesideEachChunksEdge() {
        ChunkedBytes chunked = new ChunkedBytes(16);
        int size = 5 * ChunkedBytes.MAX_CHUNK_BYTES + 100;
        for (int i = 0; i < size; i++) {
            chunked.putByte(i * 31 + (i >>> 8));
        }
        java.util.List<Integer> edges = new java.util.ArrayList<>();
        int start = 0;
        int full = 0;
        for (ByteBuffer view : chunked.views()) {
            edges.add(start);
            start += view.remaining();
            full += view.remaining() == ChunkedBytes.MAX_CHUNK_BYTES ? 1 : 0;
        }
        byte[] one = new byte[1];
        for (int edge : edges) {
            for (int at = Math.max(0, edge - 2); at <= Math.min(size - 1, edge + 1); at++) {
                chunked.copyRange(at, 1, one, 0);
                assertThat(one[0]).as("byte %d, beside the chunk starting at %d", at, edge)
                        .isEqualTo((byte) (at * 31 + (at >>> 8)));
            }
        }
        assertThat(full).as("chunks of the largest size").isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldHoldWhatADataOutputStreamWritesAcrossChunksAndAgainAfterAReset() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        ChunkedBytes chunked = new ChunkedBytes(16);
        for (int round = 0; round < 3; round++) { // the second and third refill the chunks the first made
            chunked.reset();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream model = new DataOutputStream(expected);
            while (expected.size() < 3 * ChunkedBytes.MAX_CHUNK_BYTES) {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        int value = random.nextInt();
                        chunked.putInt(value);
                        model.writeInt(value);
                    }
                    case 1 -> {
                        long value = random.nextLong();
                        chunked.putLong(value);
                        model.writeLong(value);
                    }
                    case 2 -> {
                        String text = "k".repeat(random.nextInt(40)) + random.nextInt(1_000);
                        CharSequence value = random.nextBoolean() ? text : new StringBuilder(text);
                        chunked.putAscii(value);
                        model.writeUTF(text);
                    }
                    case 3 -> {
                        byte[] run = new byte[random.nextInt(random.nextInt(10) == 0 ? 70_000 : 50)];
                        random.nextBytes(run);
                        chunked.putBytes(run, 0, run.length);
                        model.write(run);
                    }
                    default -> {
                        int value = random.nextInt(256);
                        chunked.putByte(value);
                        model.write(value);
                    }
                }
            }
            byte[] bytes = expected.toByteArray();

            assertThat(chunked.size()).isEqualTo(bytes.length);
            assertThat(chunked.toByteArray()).isEqualTo(bytes);
            for (int i = 0; i < 200; i++) {
                int from = random.nextInt(bytes.length);
                int length = random.nextInt(Math.min(bytes.length - from, 2 * ChunkedBytes.MAX_CHUNK_BYTES) + 1);
                byte[] range = new byte[length + 3];
                chunked.copyRange(from, length, range, 3);
                assertThat(java.util.Arrays.copyOfRange(range, 3, range.length))
                        .isEqualTo(java.util.Arrays.copyOfRange(bytes, from, from + length));
                ChunkedBytes rangeCopy = new ChunkedBytes(16);
                rangeCopy.putByte(9);
                chunked.copyRange(from, length, rangeCopy);
                assertThat(rangeCopy.toByteArray()).startsWith(9).hasSize(length + 1)
                        .endsWith(java.util.Arrays.copyOfRange(bytes, from, from + length));
            }
            int crcFrom = random.nextInt(bytes.length + 1);
            CRC32 crc = new CRC32();
            chunked.updateCrc(crc, crcFrom);
            CRC32 expectedCrc = new CRC32();
            expectedCrc.update(bytes, crcFrom, bytes.length - crcFrom);
            assertThat(crc.getValue()).isEqualTo(expectedCrc.getValue());

            ByteArrayOutputStream viewed = new ByteArrayOutputStream();
            for (ByteBuffer view : chunked.views()) {
                viewed.write(view.array(), view.arrayOffset() + view.position(), view.remaining());
            }
            assertThat(viewed.toByteArray()).isEqualTo(bytes);

            if (bytes.length >= Integer.BYTES) {
                int at = random.nextInt(bytes.length - Integer.BYTES + 1);
                int value = random.nextInt();
                chunked.overwriteInt(at, value);
                ByteBuffer.wrap(bytes).putInt(at, value);
                assertThat(chunked.toByteArray()).as("an int overwritten at %d", at).isEqualTo(bytes);
            }

            ChunkedBytes appended = new ChunkedBytes(16);
            appended.putByte(7);
            appended.append(chunked);
            assertThat(appended.toByteArray()).startsWith(7).endsWith(bytes).hasSize(bytes.length + 1);
        }
    }
}

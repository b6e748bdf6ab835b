package io.seismo.daemon.bytes;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word-at-a-time scans are held to a byte loop on every range of random bodies: bytes drawn mostly from the
 * ones that matter (quotes, backslashes, newlines, control characters, bytes above 127 and their neighbours) so
 * each lands at every place within a word and beside the others.
 */
class ByteWordsTest {
    private static final byte[] INTERESTING = {'"', '\\', '\n', 0, 0x1F, ' ', '!', 0x7F, (byte) 0x80, (byte) 0xFF,
        (byte) 0xA2, (byte) 0xDC, (byte) 0x8A, '#', '[', ']', 0x0A ^ 0x01, 'a'};

    @Test
    void shouldFindAndCountBytesAsALoopDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 20_000; n++) {
            Range r = Range.draw(random);
            byte wanted = INTERESTING[random.nextInt(INTERESTING.length)];

            assertThat(ByteWords.indexOf(r.bytes, r.from, r.to, wanted)).as("index in %s", r)
                    .isEqualTo(loopIndexOf(r.bytes, r.from, r.to, wanted));
            assertThat(ByteWords.count(r.bytes, r.from, r.to, wanted)).as("count in %s", r)
                    .isEqualTo(loopCount(r.bytes, r.from, r.to, wanted));
        }
    }

    @Test
    void shouldEndAPlainStringWhereALoopDoes() {
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 0; n < 20_000; n++) {
            Range r = Range.draw(random);
            int expected = loopPlainEnd(r.bytes, r.from, r.to);

            assertThat(ByteWords.plainStringEnd(r.bytes, r.from, r.to)).as("end in %s", r).isEqualTo(expected);

            int at = random.nextInt(4);
            byte[] copied = new byte[at + r.to - r.from + Long.BYTES];
            assertThat(ByteWords.copyPlainString(r.bytes, r.from, r.to, copied, at)).as("copy of %s", r)
                    .isEqualTo(expected);
            assertThat(Arrays.copyOfRange(copied, at, at + expected - r.from))
                    .isEqualTo(Arrays.copyOfRange(r.bytes, r.from, expected));
        }
    }

    @Test
    void shouldTellAsciiAsALoopDoes() {
        SplittableRandom random = new SplittableRandom(13);
        for (int n = 0; n < 20_000; n++) {
            Range r = Range.draw(random);
            boolean ascii = true;
            for (int i = r.from; i < r.to; i++) {
                ascii &= r.bytes[i] >= 0;
            }

            assertThat(ByteWords.isAscii(r.bytes, r.from, r.to)).as("ascii in %s", r).isEqualTo(ascii);
        }
    }

    @Test
    void shouldFindNothingInAPlainBody() {
        byte[] bytes = "some plain envelope text".getBytes(StandardCharsets.US_ASCII);

        assertThat(ByteWords.plainStringEnd(bytes, 0, bytes.length)).isEqualTo(bytes.length);
        assertThat(ByteWords.indexOf(bytes, 3, bytes.length, (byte) '\n')).isEqualTo(bytes.length);
        assertThat(ByteWords.count(bytes, 0, bytes.length, (byte) 'e')).isEqualTo(5);
    }

    /** A random body and a range of it, which may be empty or reach either end. */
    private record Range(byte[] bytes, int from, int to) {
        static Range draw(SplittableRandom random) {
            byte[] bytes = body(random);
            int from = random.nextInt(bytes.length + 1);
            return new Range(bytes, from, from + random.nextInt(bytes.length - from + 1));
        }

        @Override
        public String toString() {
            return "[" + from + ", " + to + ") of " + Arrays.toString(bytes);
        }
    }

    private static byte[] body(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(40)];
        int special = random.nextInt(1, 12); // one byte in this many is drawn from the interesting ones
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(special) == 0
                    ? INTERESTING[random.nextInt(INTERESTING.length)]
                    : (byte) random.nextInt(random.nextInt(8) == 0 ? 256 : 128);
        }
        return bytes;
    }

    private static int loopIndexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static int loopCount(byte[] bytes, int from, int to, byte wanted) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                n++;
            }
        }
        return n;
    }

    private static int loopPlainEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '"' || b == '\\' || b < 0x20 || b > 0x7F) {
                return i;
            }
        }
        return to;
    }
}

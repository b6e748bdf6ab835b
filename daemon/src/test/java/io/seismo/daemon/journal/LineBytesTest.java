package io.seismo.daemon.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The journal's reused encoding writes the bytes String.getBytes(UTF_8) would, line after line. */
class LineBytesTest {
    /** Chars from each of UTF-8's lengths, both halves of a pair, and surrogates on their own. */
    private static final char[] ALPHABET = {'a', '"', '\\', 0, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFF,
            0xD83D, 0xDE00, 0xDBFF, 0xDC00};

    @Test
    void shouldEncodeRandomLinesAsStringGetBytesDoes() {
        SplittableRandom random = new SplittableRandom(11);
        LineBytes encoded = new LineBytes();
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(random.nextInt(100) == 0 ? 5_000 : 300)];
            boolean ascii = random.nextBoolean();
            for (int j = 0; j < chars.length; j++) {
                chars[j] = !ascii && random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)]
                        : (char) random.nextInt(0x80);
            }
            String line = new String(chars);
            encoded.encode(line);
            assertThat(Arrays.copyOf(encoded.array(), encoded.length())).as("line %d", i)
                    .isEqualTo(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldReplaceALoneSurrogateAtTheEndAndEncodeAPairSplitNowhere() {
        LineBytes encoded = new LineBytes();
        for (String line : new String[] {"", "x\uD83D", "\uDE00x", "\uD83D\uDE00", "\uD83D\uD83D\uDE00"}) {
            encoded.encode(line);
            assertThat(Arrays.copyOf(encoded.array(), encoded.length())).as(line)
                    .isEqualTo(line.getBytes(StandardCharsets.UTF_8));
        }
    }
}

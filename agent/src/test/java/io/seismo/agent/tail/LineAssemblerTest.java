package io.seismo.agent.tail;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LineAssemblerTest {
    @Test
    void shouldFindTheFirstNewlineAsAByteLoopDoes() {
        // Newlines and the bytes one bit or a carry away from one, at every place in a word and next to each other.
        byte[] interesting = {'\n', 0x0B, 0x09, 0x08, 0x0E, (byte) 0x8A, (byte) 0x0A ^ 0x7F, 0, (byte) 0xFF, 'a'};
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            int special = random.nextInt(1, 12);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(special) == 0 ? interesting[random.nextInt(interesting.length)]
                        : (byte) random.nextInt(256);
            }
            int from = random.nextInt(bytes.length + 1);
            int limit = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < limit && expected < 0; i++) {
                expected = bytes[i] == '\n' ? i : -1;
            }

            assertThat(LineAssembler.indexOfNewline(bytes, from, limit)).as("[%d, %d) of %s", from, limit,
                    Arrays.toString(bytes)).isEqualTo(expected);
        }
    }

    @Test
    void shouldSplitOnNewlinesAndStripATrailingCarriageReturn() {
        LineAssembler assembler = new LineAssembler(100, 0);
        List<HandedLine> lines = feed(assembler, "one\r\ntwo\n\nthree\n");

        assertThat(lines).containsExactly(
                HandedLine.of(0, 5, "one", false),
                HandedLine.of(5, 9, "two", false),
                HandedLine.of(9, 10, "", false),
                HandedLine.of(10, 16, "three", false));
        assertThat(assembler.nextOffset()).isEqualTo(16);
    }

    @Test
    void shouldKeepAnUnfinishedLineUntilItsNewlineArrivesInALaterChunk() {
        LineAssembler assembler = new LineAssembler(100, 40);
        assertThat(feed(assembler, "first\nsec")).containsExactly(HandedLine.of(40, 46, "first", false));
        assertThat(assembler.lineStart()).isEqualTo(46);
        assertThat(assembler.nextOffset()).isEqualTo(49);

        assertThat(feed(assembler, "ond\n")).containsExactly(HandedLine.of(46, 53, "second", false));
        assertThat(assembler.lineStart()).isEqualTo(53);
    }

    @Test
    void shouldCutAnOverlongLineAtTheLimitAndFlagIt() {
        LineAssembler assembler = new LineAssembler(16, 0);
        List<HandedLine> lines = feed(assembler, "a".repeat(10), "b".repeat(10), "c".repeat(1000) + "\nshort\n");

        assertThat(lines).containsExactly(
                HandedLine.of(0, 1021, "a".repeat(10) + "b".repeat(6), true),
                HandedLine.of(1021, 1027, "short", false));
    }

    @Test
    void shouldNotCountTheCarriageReturnOfALineOfExactlyTheLimit() {
        LineAssembler assembler = new LineAssembler(16, 0);
        assertThat(feed(assembler, "x".repeat(16) + "\r\n")).containsExactly(HandedLine.of(0, 18, "x".repeat(16), false));
    }

    @Test
    void shouldCutAtAUtf8CharacterBoundary() {
        LineAssembler assembler = new LineAssembler(16, 0);
        String text = "aaaaaaaaaaaaaaa" + "é" + "zzz";          // 'é' would straddle byte 16
        HandedLine line = feed(assembler, text + "\n").get(0);

        assertThat(line.text()).isEqualTo("aaaaaaaaaaaaaaa");
        assertThat(line.truncated()).isTrue();
        assertThat(line.endOffset()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    private static List<HandedLine> feed(LineAssembler assembler, String... chunks) {
        LineBlock block = new LineBlock();
        for (String chunk : chunks) {
            ByteBuffer buffer = ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8));
            assembler.feed(buffer, block);
            assertThat(buffer.hasRemaining()).isFalse();
        }
        block.verify();
        List<HandedLine> lines = new ArrayList<>();
        block.handTo(line -> lines.add(HandedLine.copyOf(line)));
        return lines;
    }
}

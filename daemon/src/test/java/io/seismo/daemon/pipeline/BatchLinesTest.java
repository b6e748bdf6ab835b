package io.seismo.daemon.pipeline;

import io.seismo.daemon.parse.LineText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BatchLinesTest {
    @Test
    void shouldKeepEachLinesBytesOffsetAndTruncationInTheLentArray() {
        byte[] lent = new byte[64];
        BatchLines lines = new BatchLines(3, lent);
        byte[] body = "xxfirstyy".getBytes(StandardCharsets.US_ASCII);

        lines.add(body, 2, 5, true, 10, false);
        lines.add("zweite Zeile: ü", 16, true);
        body[2] = 'F'; // copied when added

        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.text()).isSameAs(lent);
        assertThat(lineAt(lines, 0)).hasToString("first");
        assertThat(lineAt(lines, 1)).hasToString("zweite Zeile: ü");
        assertThat(lines.offset(1)).isEqualTo(16);
        assertThat(lines.truncated(0)).isFalse();
        assertThat(lines.truncated(1)).isTrue();
    }

    @Test
    void shouldGrowPastTheLentArrayWhenTheLinesDoNotFit() {
        BatchLines lines = new BatchLines(2, new byte[4]);

        lines.add("one line", 0, false);
        lines.add("another", 9, false);

        assertThat(lines.text().length).isGreaterThanOrEqualTo(15);
        assertThat(lineAt(lines, 0)).hasToString("one line");
        assertThat(lineAt(lines, 1)).hasToString("another");
    }

    @Test
    void shouldDropLinesWithoutMovingTheOthersBytes() {
        BatchLines lines = BatchLines.of(new String[] {"a", "bb", "ccc"}, new long[] {0, 2, 5});

        lines.keep(2, 0);
        lines.truncate(1);

        assertThat(lines.size()).isEqualTo(1);
        assertThat(lines.offset(0)).isEqualTo(5);
        assertThat(lineAt(lines, 0)).hasToString("ccc");
    }

    private static LineText lineAt(BatchLines lines, int i) {
        LineText text = new LineText();
        lines.copyLine(i, text);
        return text;
    }
}

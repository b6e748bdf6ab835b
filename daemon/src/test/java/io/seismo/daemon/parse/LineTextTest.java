package io.seismo.daemon.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineTextTest {
    @Test
    void shouldReadAnAsciiLineByteForByte() {
        LineText text = new LineText();
        byte[] body = "..{\"msg\":\"ok\"}..".getBytes(StandardCharsets.US_ASCII);

        text.setBytes(body, 2, 12, true);
        body[3] = 'X'; // a copy: the lent bytes may change afterwards

        assertThat(text.length()).isEqualTo(12);
        assertThat(text.charAt(0)).isEqualTo('{');
        assertThat(text.charAt(11)).isEqualTo('}');
        assertThat(text).hasToString("{\"msg\":\"ok\"}");
        char[] chars = new char[12];
        text.getChars(chars);
        assertThat(new String(chars)).isEqualTo("{\"msg\":\"ok\"}");
        assertThat(Arrays.copyOf(text.utf8(), text.utf8Length())).isEqualTo("{\"msg\":\"ok\"}".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> text.charAt(12)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldReadOtherBytesAsUtf8() {
        String line = "naïve ☃ \uD83D\uDE00 line";
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        LineText text = new LineText();

        text.setBytes(utf8, 0, utf8.length, false);

        assertThat(text.length()).isEqualTo(line.length());
        assertThat(text.charAt(2)).isEqualTo('ï');
        assertThat(text).hasToString(line);
        char[] chars = new char[line.length()];
        text.getChars(chars);
        assertThat(new String(chars)).isEqualTo(line);
        assertThat(Arrays.copyOf(text.utf8(), text.utf8Length())).isEqualTo(utf8);
    }

    @Test
    void shouldHoldAStringAndEncodeItOnlyWhenItsBytesAreAskedFor() {
        String line = "a lone \uD800 surrogate";
        LineText text = new LineText();

        text.setString(line);

        assertThat(text.toString()).isSameAs(line);
        assertThat(Arrays.copyOf(text.utf8(), text.utf8Length())).isEqualTo(line.getBytes(StandardCharsets.UTF_8));
        // The bytes hold '?' for the surrogate; the characters are still the String's.
        assertThat(text.charAt(7)).isEqualTo('\uD800');
        assertThat(text.toString()).isSameAs(line);
    }

    @Test
    void shouldReuseItsArrayAndGiveUpOneGrownPastWhatASlotKeeps() {
        LineText text = new LineText();
        byte[] longLine = new byte[LineText.KEPT_BYTES + 1];
        Arrays.fill(longLine, (byte) 'x');

        text.setBytes(longLine, 0, 10, true);
        int first = text.capacity();
        text.clear();
        text.setBytes(longLine, 0, 8, true);
        assertThat(text.capacity()).as("a shorter line in the same array").isEqualTo(first).isEqualTo(10);
        text.setBytes(longLine, 0, longLine.length, true);
        assertThat(text.capacity()).isGreaterThan(LineText.KEPT_BYTES);
        text.clear();

        assertThat(text.capacity()).isZero();
        assertThat(text).isEmpty();
        assertThat(text).hasToString("");
    }

    @Test
    void shouldForgetTheStringOfTheLineBefore() {
        LineText text = new LineText();
        text.setBytes("first".getBytes(StandardCharsets.US_ASCII), 0, 5, true);
        assertThat(text).hasToString("first");

        text.setBytes("second".getBytes(StandardCharsets.US_ASCII), 0, 6, true);

        assertThat(text).hasToString("second");
    }
}

package io.seismo.agent.ship;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class JsonStringBytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharactersAndKeepUtf8AsIs() throws Exception {
        String text = "say \"hi\" \\ tab\t nl\n cr\r bell\u0007 del\u007f é 日本 😀";
        String written = written(text.getBytes(StandardCharsets.UTF_8));

        assertThat(written).isEqualTo("\"say \\\"hi\\\" \\\\ tab\\t nl\\n cr\\r bell\\u0007 del\u007f é 日本 😀\"");
        assertThat(JSON.readValue(written, String.class)).isEqualTo(text);
    }

    @Test
    void shouldReplaceMalformedUtf8AsTheJdkDecoderDoes() throws Exception {
        byte[][] cases = {
                {(byte) 0xFF, 'a'},                                  // never a UTF-8 byte
                {(byte) 0xC0, (byte) 0xAF},                          // overlong '/'
                {(byte) 0xE2, (byte) 0x82, 'x'},                     // cut short before an ASCII byte
                {(byte) 0xE2, (byte) 0x82},                          // cut short by the end of the line
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},             // a surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {(byte) 0x80, (byte) 0x80},                          // lone continuation bytes
        };
        for (byte[] bytes : cases) {
            assertThat(JSON.readValue(written(bytes), String.class)).as(Arrays.toString(bytes))
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldStopAtTheEndOfTheRangeEvenInsideACharacter() throws Exception {
        // The line is the first three bytes of a block where the next line's bytes would complete the euro sign.
        byte[] block = {'a', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, 'b'};
        BodyBytes out = new BodyBytes(4);
        JsonStringBytes.write(block, 0, 3, out);

        assertThat(new String(out.array(), 0, out.length(), StandardCharsets.UTF_8))
                .isEqualTo(new String(block, 0, 3, StandardCharsets.UTF_8)).isEqualTo("a\uFFFD");
    }

    @Test
    void shouldAlwaysWriteValidJsonThatReadsBackAsTheJdkDecodesTheLine() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly bytes around the UTF-8 boundaries, so that malformed sequences are common.
                bytes[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : 0x80 + random.nextInt(0x78));
            }
            String written = written(bytes);
            assertThat(JSON.readValue(written, String.class)).as(Arrays.toString(bytes))
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String written(byte[] line) {
        BodyBytes out = new BodyBytes(4);
        out.putAscii("\"");
        JsonStringBytes.write(line, 0, line.length, out);
        out.putAscii("\"");
        byte[] bytes = java.util.Arrays.copyOf(out.array(), out.length());
        // A strict decoder: the output must be valid UTF-8, not merely decodable with replacements.
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + Arrays.toString(bytes), e);
        }
    }
}

package io.seismo.daemon.ingest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope fast path is held to Jackson's reading: on every envelope, valid or not, the reader (fast path
 * first) and Jackson alone must agree on whether it is one and on its offset, line and truncation mark.
 */
class PlainEnvelopeScannerTest {
    // Longer lines put escapes and invalid bytes at every place within and across the scanner's eight-byte words.
    private static final String[] LINES = {"", "plain text", "{\\\"level\\\":\\\"ERROR\\\",\\\"msg\\\":\\\"x\\\"}",
        "{\\\"@timestamp\\\":\\\"2026-12-06T08:00:00.123Z\\\",\\\"message\\\":\\\"handled in 12 ms\\\"}",
        "a plain line well past a word, then a tab\\tand a \\u0041 and seventeen more bytes",
        "tab\\there", "slash \\/ back \\\\", "\\u0041\\u00e9", "\\u0001\\u007f", "é ü", "\\ud83d\\ude00", "bad \\x",
        "cut \\u12", "ctrl \u0001 char", "\\b\\f\\n\\r", "fifteen bytes, é after", "an escape \\n then a control \u001f",
        "an escape \\n then a byte \u007f then é", "sixteen bytes...\u0000 after", "eight b\"x"};
    private static final String[] OFFSETS = {"0", "17", "-3", "-0", "123456789012345678", "1234567890123456789",
        "99999999999999999999", "01", "1.5", "1e3", "\"5\"", "null", "-"};
    private static final String[] TRUNCATIONS = {"true", "false", "null", "1", "\"x\"", "{}", "[true]", "tru"};
    private static final String[] SPACES = {"", " ", "\t", "\r\n"};

    @Test
    void shouldReadEveryEnvelopeExactlyAsJacksonDoes() {
        SplittableRandom random = new SplittableRandom(8);
        EnvelopeReader withFastPath = new EnvelopeReader();
        EnvelopeReader jackson = EnvelopeReader.jacksonOnly();
        PlainEnvelopeScanner scanner = new PlainEnvelopeScanner(StreamReadConstraints.defaults());
        int plainTaken = 0;
        int declined = 0;
        int envelopes = 0;
        for (int n = 0; n < 40_000; n++) {
            String text = random.nextInt(4) == 0 ? mutated(envelope(random), random) : envelope(random);
            byte[] body = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
            int length = body.length - 4;

            boolean expected = jackson.read(body, 2, length);
            boolean actual = withFastPath.read(body, 2, length);

            assertThat(actual).as("an envelope or not: %s", text).isEqualTo(expected);
            if (expected) {
                envelopes++;
                assertThat(withFastPath.offset()).as("offset of %s", text).isEqualTo(jackson.offset());
                assertThat(withFastPath.line()).as("line of %s", text).isEqualTo(jackson.line());
                assertThat(withFastPath.truncated()).as("truncated of %s", text).isEqualTo(jackson.truncated());
            }
            if (scanner.read(body, 2, length, new Envelope())) {
                plainTaken++;
                assertThat(expected).as("the fast path took what Jackson refuses: %s", text).isTrue();
            } else {
                declined++;
            }
        }
        assertThat(plainTaken).as("envelopes read by the fast path").isGreaterThan(5_000);
        assertThat(envelopes - plainTaken).as("envelopes left to Jackson").isGreaterThan(1_000);
        assertThat(declined).isGreaterThan(5_000);
    }

    @Test
    void shouldReadWhatTheAgentWrites() {
        EnvelopeReader reader = new EnvelopeReader();
        byte[] body = "{\"o\":1024,\"l\":\"{\\\"msg\\\":\\\"a\\\\\\\\b\\\"}\\u0007\",\"t\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(body, 0, body.length)).isTrue();
        assertThat(reader.offset()).isEqualTo(1024);
        assertThat(reader.line()).isEqualTo("{\"msg\":\"a\\\\b\"}\u0007");
        assertThat(reader.truncated()).isTrue();
    }

    private static String envelope(SplittableRandom random) {
        List<String> members = new ArrayList<>();
        int kind = random.nextInt(10);
        members.add(member("o", OFFSETS[random.nextInt(kind < 6 ? 3 : OFFSETS.length)], random));
        members.add(member("l", '"' + LINES[random.nextInt(kind < 5 ? 9 : LINES.length)] + '"', random));
        if (random.nextInt(3) == 0) {
            members.add(member("t", TRUNCATIONS[random.nextInt(TRUNCATIONS.length)], random));
        }
        if (kind == 9) {
            members.add(member(random.nextBoolean() ? "x" : "host", random.nextBoolean() ? "{\"a\":[1]}" : "2", random));
        }
        if (random.nextInt(8) == 0) {
            members.remove(random.nextInt(members.size()));
        }
        if (random.nextInt(8) == 0) {
            members.add(members.get(random.nextInt(members.size())));
        }
        Collections.shuffle(members, new Random(random.nextLong()));
        return space(random) + "{" + String.join(",", members) + "}" + space(random);
    }

    private static String member(String name, String value, SplittableRandom random) {
        return space(random) + '"' + name + '"' + space(random) + ':' + space(random) + value + space(random);
    }

    private static String space(SplittableRandom random) {
        return random.nextInt(4) == 0 ? SPACES[random.nextInt(SPACES.length)] : "";
    }

    private static String mutated(String text, SplittableRandom random) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + "{}\":,\\\u0002".charAt(random.nextInt(7)) + text.substring(at);
            default -> text.substring(0, at);
        };
    }
}

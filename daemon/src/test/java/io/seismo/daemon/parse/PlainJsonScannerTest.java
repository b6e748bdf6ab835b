package io.seismo.daemon.parse;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.seismo.rules.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path is held to Jackson's reading: on every line, valid or not, the JSON parser (fast path first) and
 * Jackson alone must produce the same event, and the fast path must have taken the plain lines itself.
 */
class PlainJsonScannerTest {
    private static final String[] NAMES = {"ts", "time", "@timestamp", "level", "severity_number", "service",
        "service.name", "trace_id", "traceId", "span_id", "parent_span_id", "msg", "message", "user", "", "é"};
    private static final String[] STRINGS = {"", "2026-11-23T12:00:00.123Z", "ERROR", "warn", "checkout", "50",
        "a b", "é ü", "x\\\"y", "tab\\tin", "\\u00e9", "\\ud83d\\ude00", "2026-11-23 12:00", "1700000000",
        "GET /api/v1/orders took 12 ms for user-42", "a plain run of ASCII, then é, then more of it", "👋 hello"};
    private static final String[] NUMBERS = {"0", "-0", "12", "-7", "3.25", "1e5", "1E+5", "2.5e-3", "1700000000123",
        "01", "1.", ".5", "-", "1e", "+1", "0x1F", "1.5.2", "NaN"};
    private static final String BREAKERS = "{}[]\":,\u0001\\";
    private static final String[] SPACES = {"", " ", "  ", "\t", "\n", "\r\n"};

    private static LineText asBytes(String line, LineText into) {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        into.setBytes(utf8, 0, utf8.length, line.chars().allMatch(c -> c < 0x80));
        return into;
    }

    @Test
    void shouldReadEveryLineExactlyAsJacksonDoes() {
        SplittableRandom random = new SplittableRandom(2026);
        FieldCollector fastFields = new FieldCollector(TimeReader.create(null, null));
        LineParser withFastPath = new JsonLineParser(fastFields);
        LineParser jackson = JsonLineParser.jacksonOnly(new FieldCollector(TimeReader.create(null, null)));
        PlainJsonScanner scanner = new PlainJsonScanner(fastFields, new DottedNames(fastFields),
                StreamReadConstraints.defaults());
        int plainTaken = 0;
        int declined = 0;
        LineText held = new LineText();
        for (int n = 0; n < 40_000; n++) {
            String line = random.nextInt(4) == 0 ? mutated(object(random, 0), random) : object(random, 0);

            Event expected = Prefilled.event();
            boolean expectedOk = jackson.parse(line, expected);
            Event actual = Prefilled.event();
            boolean actualOk = withFastPath.parse(line, actual);

            assertThat(actualOk).as("parsed or not: %s", line).isEqualTo(expectedOk);
            assertSameEvent(actual, expected, line);
            // As the daemon hands it over: the line's UTF-8 bytes in a ring slot's reused holder. A doubled
            // character can leave a lone surrogate, which has no UTF-8: the bytes hold '?' in its place.
            String encodable = new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            Event expectedFromBytes = Prefilled.event();
            boolean expectedFromBytesOk = jackson.parse(encodable, expectedFromBytes);
            Event fromBytes = Prefilled.event();
            assertThat(withFastPath.parse(asBytes(line, held), fromBytes)).as("parsed from bytes: %s", line)
                    .isEqualTo(expectedFromBytesOk);
            assertSameEvent(fromBytes, expectedFromBytes, line);
            if (scanner.scan(line)) {
                plainTaken++;
                assertThat(expectedOk).as("the fast path took a line Jackson refuses: %s", line).isTrue();
            } else {
                declined++;
            }
        }
        assertThat(plainTaken).as("plain lines read by the fast path").isGreaterThan(5_000);
        assertThat(declined).as("lines left to Jackson").isGreaterThan(5_000);
    }

    /**
     * Bytes off the wire need not be UTF-8: a line that holds malformed sequences reads as the String they decode
     * to (each replaced by U+FFFD), which is what Jackson is given.
     */
    @Test
    void shouldReadMalformedUtf8AsTheCharactersItDecodesTo() {
        SplittableRandom random = new SplittableRandom(7);
        LineParser withFastPath = new JsonLineParser(new FieldCollector(TimeReader.create(null, null)));
        LineParser jackson = JsonLineParser.jacksonOnly(new FieldCollector(TimeReader.create(null, null)));
        byte[] strays = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xED, (byte) 0xF0,
            (byte) 0xF8, (byte) 0xFF};
        FieldCollector scanned = new FieldCollector(TimeReader.create(null, null));
        PlainJsonScanner scanner = new PlainJsonScanner(scanned, new DottedNames(scanned),
                StreamReadConstraints.defaults());
        LineText held = new LineText();
        int strayTaken = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] utf8 = object(random, 0).getBytes(StandardCharsets.UTF_8);
            for (int k = 1 + random.nextInt(3); k > 0 && utf8.length > 0; k--) {
                utf8[random.nextInt(utf8.length)] = strays[random.nextInt(strays.length)];
            }
            String decoded = new String(utf8, StandardCharsets.UTF_8);
            Event expected = Prefilled.event();
            boolean expectedOk = jackson.parse(decoded, expected);
            held.setBytes(utf8, 0, utf8.length, false);
            Event actual = Prefilled.event();
            assertThat(withFastPath.parse(held, actual)).as("parsed or not: %s", decoded).isEqualTo(expectedOk);
            assertSameEvent(actual, expected, decoded);
            if (scanner.scan(held) && decoded.indexOf('\uFFFD') >= 0) {
                strayTaken++;
            }
        }
        assertThat(strayTaken).as("lines with strays in their strings read by the fast path").isGreaterThan(1_000);
    }

    /** A String with a lone surrogate has no UTF-8 of its own: Jackson reads it, and the character stays. */
    @Test
    void shouldLeaveALoneSurrogateToJackson() {
        FieldCollector fields = new FieldCollector(TimeReader.create(null, null));
        PlainJsonScanner scanner = new PlainJsonScanner(fields, new DottedNames(fields),
                StreamReadConstraints.defaults());
        String line = "{\"msg\":\"half \uD83D of a pair\",\"user\":\"ok\"}";

        assertThat(scanner.scan(line)).isFalse();
        Event event = Prefilled.event();
        assertThat(new JsonLineParser(new FieldCollector(TimeReader.create(null, null))).parse(line, event)).isTrue();
        assertThat(event.getMessage()).isEqualTo("half \uD83D of a pair");
        assertThat(scanner.scan("{\"msg\":\"a whole 👋 pair\"}")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HDFS_2k.log", "Apache_2k.log", "OpenSSH_2k.log"})
    void shouldReadRealMessagesWrappedInJsonAsJacksonDoes(String sample) throws IOException {
        LineParser withFastPath = ParserFactory.create(ParserSpec.json());
        LineParser jackson = JsonLineParser.jacksonOnly(new FieldCollector(TimeReader.create(null, null)));
        for (String raw : LoghubSamples.lines(sample)) {
            String line = "{\"ts\":\"2026-11-23T12:00:00Z\",\"service\":\"" + sample + "\",\"msg\":\""
                    + raw.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"n\":" + raw.length() + "}";
            Event expected = Prefilled.event();
            Event actual = Prefilled.event();
            assertThat(withFastPath.parse(line, actual)).isEqualTo(jackson.parse(line, expected)).isTrue();
            assertSameEvent(actual, expected, line);
        }
    }

    private static void assertSameEvent(Event actual, Event expected, String line) {
        assertThat(actual.isParseFailed()).as("failed flag of %s", line).isEqualTo(expected.isParseFailed());
        assertThat(actual.getEventTimeNanos()).as("time of %s", line).isEqualTo(expected.getEventTimeNanos());
        assertThat(actual.getLevel()).as("level of %s", line).isEqualTo(expected.getLevel());
        assertThat(actual.getService()).as("service of %s", line).isEqualTo(expected.getService());
        assertThat(actual.getTraceId()).as("trace of %s", line).isEqualTo(expected.getTraceId());
        assertThat(actual.getSpanId()).as("span of %s", line).isEqualTo(expected.getSpanId());
        assertThat(actual.getParentSpanId()).as("parent of %s", line).isEqualTo(expected.getParentSpanId());
        assertThat(actual.getMessage()).as("message of %s", line).isEqualTo(expected.getMessage());
        assertThat(actual.getAttributes()).as("attributes of %s", line).isEqualTo(expected.getAttributes());
    }

    /** A JSON object of random members: mostly plain, some with escapes, arrays, odd numbers or nesting. */
    private static String object(SplittableRandom random, int depth) {
        StringBuilder text = new StringBuilder().append(space(random)).append('{');
        int members = random.nextInt(depth == 0 ? 9 : 4);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            parts.add(space(random) + '"' + NAMES[random.nextInt(NAMES.length)] + '"' + space(random) + ':'
                    + space(random) + value(random, depth) + space(random));
        }
        text.append(String.join(",", parts)).append('}').append(space(random));
        return text.toString();
    }

    private static String value(SplittableRandom random, int depth) {
        int kind = random.nextInt(20);
        if (kind < 9) {
            return '"' + STRINGS[random.nextInt(STRINGS.length)] + '"';
        }
        if (kind < 14) {
            return NUMBERS[random.nextInt(NUMBERS.length)];
        }
        if (kind < 17) {
            return new String[] {"true", "false", "null", "tru", "nul", "truex"}[random.nextInt(6)];
        }
        if (kind < 19 && depth < 3) {
            return object(random, depth + 1);
        }
        return "[1, \"a\", {\"b\":null}]";
    }

    private static String space(SplittableRandom random) {
        return random.nextInt(4) == 0 ? SPACES[random.nextInt(SPACES.length)] : "";
    }

    /** Breaks a line the ways input breaks: a character dropped, doubled, or replaced by a structural one. */
    private static String mutated(String line, SplittableRandom random) {
        if (line.isEmpty()) {
            return line;
        }
        int at = random.nextInt(line.length());
        return switch (random.nextInt(4)) {
            case 0 -> line.substring(0, at) + line.substring(at + 1);
            case 1 -> line.substring(0, at) + line.charAt(at) + line.substring(at);
            case 2 -> line.substring(0, at) + BREAKERS.charAt(random.nextInt(BREAKERS.length())) + line.substring(at + 1);
            default -> line.substring(0, at);
        };
    }
}

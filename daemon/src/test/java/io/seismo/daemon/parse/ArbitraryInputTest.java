package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Seeded random lines built from the characters that matter to the formats: no parser may throw or lie. */
class ArbitraryInputTest {
    private static final String ALPHABET = "{}[]\":,=\\ \tabcz019.-+TZeu\u0000\u00e9\uFFFD\ud83d";
    private static final int LINES = 3_000;

    static Stream<Arguments> parsers() {
        return Stream.of(
                arguments("json", ParserSpec.json()),
                arguments("logfmt", ParserSpec.logfmt()),
                arguments("regex", ParserSpec.regex("^(?<level>[a-z]+)[=:](?<message>.*?)(?<time>\\d+)?$")),
                arguments("raw", ParserSpec.raw()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void shouldNeverThrowAndAlwaysReportFailuresTheSameWay(String name, ParserSpec spec) {
        LineParser parser = ParserFactory.create(spec);
        Random random = new Random(42);
        int parsed = 0;
        for (int i = 0; i < LINES; i++) {
            String line = randomLine(random);
            Event event = Prefilled.event();

            boolean ok = parser.parse(line, event);

            assertThat(event.isParseFailed()).as("flag agrees with result for %s", line).isEqualTo(!ok);
            if (!ok) {
                assertThat(event.getMessage()).isEqualTo(line);
                assertThat(event.getService()).isEqualTo(Prefilled.AGENT_SERVICE);
            }
            parsed += ok ? 1 : 0;
        }
        assertThat(parsed).as("some lines of %s parse, so the loop exercised both paths", name).isPositive();
    }

    private static String randomLine(Random random) {
        int length = random.nextInt(40);
        StringBuilder line = new StringBuilder(length);
        if (random.nextBoolean()) {
            line.append("{\"msg\":\"");
        }
        for (int i = 0; i < length; i++) {
            line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        if (random.nextBoolean()) {
            line.append("\"}");
        }
        return line.toString();
    }
}

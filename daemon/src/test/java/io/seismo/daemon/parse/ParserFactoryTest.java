package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static io.seismo.daemon.parse.Prefilled.parsedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ParserFactoryTest {

    @Test
    void shouldReturnANewParserOnEveryCall() {
        ParserSpec spec = ParserSpec.regex("^(?<message>.*)$");

        assertThat(ParserFactory.create(spec)).isNotSameAs(ParserFactory.create(spec));
    }

    @Test
    void shouldAcceptFormatNamesInAnyCase() {
        assertThat(parsedBy(ParserFactory.create(new ParserSpec(" JSON ", null, null, null)), "{\"msg\":\"x\"}")
                .getMessage()).isEqualTo("x");
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                arguments(null, "spec is missing"),
                arguments(new ParserSpec(null, null, null, null), "format is missing"),
                arguments(new ParserSpec("xml", null, null, null), "'xml' is not one of json, logfmt, regex, raw"),
                arguments(ParserSpec.regex(null), "needs a pattern"),
                arguments(ParserSpec.regex("(?<level>[A-Z"), "not a valid regex"),
                arguments(ParserSpec.regex("^(\\d+) (.*)$"), "has no named group"),
                arguments(ParserSpec.regex("(?x) (?<a>x) # (y)"), "could not tell the groups"),
                arguments(new ParserSpec("json", "(?<a>.*)", null, null), "only read by format regex"),
                arguments(ParserSpec.json().withTimeFormat("yyyy-MM-dd {oops}"),
                        "not a valid DateTimeFormatter pattern"),
                arguments(ParserSpec.json().withTimeFormat("HH:mm:ss"), "does not describe a date"),
                arguments(ParserSpec.logfmt().withTimeZone("Mars/Olympus_Mons"), "timeZone 'Mars/Olympus_Mons'"));
    }

    @ParameterizedTest
    @MethodSource("badSpecs")
    void shouldRejectABadSpecNamingTheProblem(ParserSpec spec, String problem) {
        assertThatThrownBy(() -> ParserFactory.create(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain words", "{\"not\":\"read as json\"}", "\u0000\uFFFD"})
    void shouldTakeAnyRawLineAsTheMessage(String line) {
        Event event = parsedBy(ParserFactory.create(ParserSpec.raw()), line);

        assertThat(event.getMessage()).isEqualTo(line);
        assertThat(event.getService()).isEqualTo(Prefilled.AGENT_SERVICE);
        assertThat(event.getAttributes()).isEmpty();
    }

    @Test
    void shouldTreatANullLineAsEmpty() {
        Event event = Prefilled.event();

        assertThat(ParserFactory.create(ParserSpec.json()).parse(null, event)).isFalse();
        assertThat(event.getMessage()).isEmpty();
        assertThat(event.isParseFailed()).isTrue();
    }
}

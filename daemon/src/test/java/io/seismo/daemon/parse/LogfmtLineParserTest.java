package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.seismo.daemon.parse.FailedLineAssert.assertFailedLine;
import static io.seismo.daemon.parse.Prefilled.parsedBy;
import static io.seismo.daemon.parse.Times.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class LogfmtLineParserTest {
    private final LineParser parser = ParserFactory.create(ParserSpec.logfmt());

    @Test
    void shouldMapWellKnownKeysAndKeepOthersAsAttributes() {
        Event event = parsedBy(parser, "ts=2024-05-01T12:00:00.5Z level=error service=checkout trace_id=abc span_id=def"
                + " parent_span_id=fed msg=declined duration=12ms\tretry");

        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2024-05-01T12:00:00.500Z"));
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getService()).isEqualTo("checkout");
        assertThat(event.getTraceId()).isEqualTo("abc");
        assertThat(event.getSpanId()).isEqualTo("def");
        assertThat(event.getParentSpanId()).isEqualTo("fed");
        assertThat(event.getMessage()).isEqualTo("declined");
        assertThat(event.getAttributes()).containsOnly(entry("duration", "12ms"), entry("retry", "true"));
    }

    @Test
    void shouldUnescapeQuotedValues() {
        Event event = parsedBy(parser, "lvl=warn"
                + " msg=\"payment \\\"declined\\\" by bank\\n\\tretrying\" path=\"C:\\\\tmp\""
                + " user=\"ann lee\" name=\"caf\\u00e9\" odd=\"a\\qb\" empty=\"\"");

        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getMessage()).isEqualTo("payment \"declined\" by bank\n\tretrying");
        assertThat(event.getAttributes()).containsOnly(
                entry("path", "C:\\tmp"), entry("user", "ann lee"), entry("name", "café"),
                entry("odd", "a\\qb"), entry("empty", ""));
    }

    @Test
    void shouldKeepEmptyUnquotedValueAndQuotesInsideUnquotedOnes() {
        Event event = parsedBy(parser, "  a= b=x\"y  c=1=2 ");

        assertThat(event.getAttributes()).containsOnly(entry("a", ""), entry("b", "x\"y"), entry("c", "1=2"));
    }

    @Test
    void shouldUseWholeLineAsMessageWhenNoMessageKey() {
        String line = "level=info op=save rows=3";

        assertThat(parsedBy(parser, line).getMessage()).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "level=error service=x msg=\"unterminated",
            "level=error service=x msg=\"ends in backslash\\",
            "level=error service=x msg=\"closed\"glued",
            "just some words without pairs",
            "",
            "   ",
            "=value",
            "level=error \"quoted\"=key",
            "lev\"el=error",
            "\u0000\u0001\uFFFD binary"})
    void shouldFailMalformedLineWithoutTouchingPrefilledFields(String line) {
        assertFailedLine(parser, line);
    }

}

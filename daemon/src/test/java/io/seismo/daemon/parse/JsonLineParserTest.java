package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.seismo.daemon.parse.FailedLineAssert.assertFailedLine;
import static io.seismo.daemon.parse.Prefilled.parsedBy;
import static io.seismo.daemon.parse.Times.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class JsonLineParserTest {
    private final LineParser parser = ParserFactory.create(ParserSpec.json());

    @Test
    void shouldReadOpenTelemetryLogRecord() {
        Event event = parsedBy(parser, "{\"timeUnixNano\":\"1714564800123456789\","
                + "\"observedTimeUnixNano\":\"1714564801000000000\","
                + "\"severityText\":\"ERROR\",\"severityNumber\":17,\"body\":\"payment declined\","
                + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
                + "\"parentSpanId\":\"aaa19b7ec3c1b174\","
                + "\"resource\":{\"service.name\":\"payments\",\"host.arch\":\"amd64\"},"
                + "\"attributes\":{\"http\":{\"status_code\":502},\"retry\":true,\"peer\":null}}");

        assertThat(event.getEventTimeNanos()).isEqualTo(1_714_564_800_123_456_789L);
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getMessage()).isEqualTo("payment declined");
        assertThat(event.getService()).isEqualTo("payments");
        assertThat(event.getTraceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(event.getSpanId()).isEqualTo("eee19b7ec3c1b174");
        assertThat(event.getParentSpanId()).isEqualTo("aaa19b7ec3c1b174");
        assertThat(event.getAttributes()).containsOnly(
                entry("resource.host.arch", "amd64"),
                entry("attributes.http.status_code", "502"),
                entry("attributes.retry", "true"));
    }

    @Test
    void shouldReadEcsDocument() {
        Event event = parsedBy(parser, "{\"@timestamp\":\"2024-05-01T12:00:00.123Z\",\"log\":{\"level\":\"error\"},"
                + "\"service\":{\"name\":\"checkout\",\"version\":\"1.4.2\"},\"trace\":{\"id\":\"abc\"},"
                + "\"span\":{\"id\":\"def\"},\"parent\":{\"id\":\"cafe\"},\"message\":\"boom\","
                + "\"event\":{\"original\":\"raw boom\",\"dataset\":\"checkout.log\"}}");

        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2024-05-01T12:00:00.123Z"));
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getService()).isEqualTo("checkout");
        assertThat(event.getTraceId()).isEqualTo("abc");
        assertThat(event.getSpanId()).isEqualTo("def");
        assertThat(event.getParentSpanId()).isEqualTo("cafe");
        assertThat(event.getMessage()).as("message beats event.original").isEqualTo("boom");
        assertThat(event.getAttributes()).containsOnly(
                entry("service.version", "1.4.2"), entry("event.dataset", "checkout.log"));
    }

    @Test
    void shouldReadPinoNumericLevelAndMillisecondTime() {
        Event event = parsedBy(parser,
                "{\"level\":50,\"time\":1714564800123,\"pid\":42,\"hostname\":\"web-7\",\"msg\":\"db down\"}");

        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2024-05-01T12:00:00.123Z"));
        assertThat(event.getMessage()).isEqualTo("db down");
        assertThat(event.getAttributes()).containsOnly(entry("pid", "42"), entry("hostname", "web-7"));
    }

    @Test
    void shouldFallBackToOpenTelemetrySeverityNumberWithoutTextLevel() {
        Event event = parsedBy(parser, "{\"severity_number\":13,\"ts\":1714564800.25,\"msg\":\"slow\"}");

        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2024-05-01T12:00:00.250Z"));
    }

    @Test
    void shouldReadTimeWithoutOffsetInTheSpecZone() {
        LineParser paris = ParserFactory.create(ParserSpec.json().withTimeZone("Europe/Paris"));

        Event event = parsedBy(paris, "{\"time\":\"2024-05-01T14:00:00\",\"msg\":\"x\"}");

        assertThat(event.getEventTimeNanos()).isEqualTo(nanos("2024-05-01T12:00:00Z"));
    }

    @Test
    void shouldFlattenNestedObjectsAndKeepArraysAsJsonText() {
        Event event = parsedBy(parser, "{\"a\":{\"b\":{\"c\":1},\"d\":2.5},\"e\":\"three\",\"tags\":[\"x\",\"y\"],"
                + "\"matrix\":[[1,2],{\"k\":null}],\"empty\":{},\"after\":false}");

        assertThat(event.getAttributes()).containsOnly(
                entry("a.b.c", "1"), entry("a.d", "2.5"), entry("e", "three"),
                entry("tags", "[\"x\",\"y\"]"), entry("matrix", "[[1,2],{\"k\":null}]"), entry("after", "false"));
    }

    @Test
    void shouldKeepPrefilledServiceAndReceiveTimeWhenTheLineHasNeither() {
        String line = "{\"level\":\"info\",\"user\":\"ann\"}";
        Event event = parsedBy(parser, line);

        assertThat(event.getService()).isEqualTo(Prefilled.AGENT_SERVICE);
        assertThat(event.getEventTimeNanos()).isEqualTo(Prefilled.RECEIVED_NANOS);
        assertThat(event.getMessage()).as("no message field: the line is the message").isEqualTo(line);
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void shouldFlagUnreadableTimeButKeepTheLine() {
        Event event = parsedBy(parser, "{\"time\":\"yesterday\",\"level\":\"warn\",\"msg\":\"x\"}");

        assertThat(event.getEventTimeNanos()).isEqualTo(Prefilled.RECEIVED_NANOS);
        assertThat(event.attr(LineParser.TIME_INVALID_ATTR)).isEqualTo("yesterday");
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void shouldIgnoreEmptyTraceIdAndTakeTheNextSpelling() {
        Event event = parsedBy(parser, "{\"trace_id\":\"\",\"trace\":{\"id\":\"t-1\"},\"msg\":\"x\"}");

        assertThat(event.getTraceId()).isEqualTo("t-1");
    }

    @Test
    void shouldReadUnicodeAndEscapesInStrings() {
        Event event = parsedBy(parser, "{\"msg\":\"caf\\u00e9 \\\"quoted\\\"\\nnext\"}");

        assertThat(event.getMessage()).isEqualTo("café \"quoted\"\nnext");
    }

    static Stream<String> malformedLines() {
        return Stream.of(
                "{\"level\":\"error\",\"service\":\"x\",\"trace_id\":\"t\",\"msg\":\"bo",
                "{\"level\":\"error\",\"service\":{\"name\":\"x\"",
                "[{\"level\":\"error\"}]",
                "\"just a string\"",
                "42",
                "",
                "   ",
                "\u0000\u0001\u0002\uFFFD\u00ff\u00fe binary",
                "{\"service\":\"x\"} trailing",
                "{\"service\":\"x\"}{\"service\":\"y\"}",
                "{\"service\":}",
                "{service:\"x\"}",
                "{\"service\":\"x\",}",
                "{\"level\":\"error\"]",
                "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001),
                "plain text log line");
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void shouldFailMalformedLineWithoutTouchingPrefilledFields(String line) {
        assertFailedLine(parser, line);
    }

}

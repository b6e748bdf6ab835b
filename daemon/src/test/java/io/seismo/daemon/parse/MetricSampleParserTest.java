package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSampleParserTest {
    private final LineParser parser = ParserFactory.create(new ParserSpec("metric", null, null, null));

    @Test
    void shouldTurnASampleIntoAMetricEvent() {
        Event event = Prefilled.parsedBy(parser, "{\"metric\":\"db_pool_in_use\",\"value\":48,"
                + "\"labels\":{\"pool\":\"main\",\"instance\":\"db-1:9187\"},\"ts\":1700000000123,\"type\":\"gauge\"}");

        assertThat(event.getKind()).isEqualTo(EventKind.METRIC);
        assertThat(event.getMessage()).isEqualTo("db_pool_in_use");
        assertThat(event.attr(MetricSampleParser.VALUE_ATTR)).isEqualTo("48.0");
        assertThat(event.attr(MetricSampleParser.TYPE_ATTR)).isEqualTo("gauge");
        assertThat(event.attr("pool")).isEqualTo("main");
        assertThat(event.attr("instance")).isEqualTo("db-1:9187");
        assertThat(event.getEventTimeNanos()).isEqualTo(1_700_000_000_123_000_000L);
        assertThat(event.getService()).isEqualTo(Prefilled.AGENT_SERVICE);
    }

    @Test
    void shouldLetAServiceLabelNameTheService() {
        Event event = Prefilled.parsedBy(parser, "{\"metric\":\"up\",\"value\":1,\"labels\":{\"service\":\"db\"}}");

        assertThat(event.getService()).isEqualTo("db");
        assertThat(event.attr(MetricSampleParser.TYPE_ATTR)).isEqualTo("untyped");
        assertThat(event.getEventTimeNanos()).as("no ts keeps the receive time").isEqualTo(Prefilled.RECEIVED_NANOS);
    }

    @Test
    void shouldReadNonFiniteValuesWrittenAsStrings() {
        assertThat(Prefilled.parsedBy(parser, "{\"metric\":\"a\",\"value\":\"+Inf\"}").attr(MetricSampleParser.VALUE_ATTR))
                .isEqualTo("Infinity");
        assertThat(Prefilled.parsedBy(parser, "{\"metric\":\"a\",\"value\":\"-Inf\"}").attr(MetricSampleParser.VALUE_ATTR))
                .isEqualTo("-Infinity");
        assertThat(Prefilled.parsedBy(parser, "{\"metric\":\"a\",\"value\":\"NaN\"}").attr(MetricSampleParser.VALUE_ATTR))
                .isEqualTo("NaN");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[1]", "{\"value\":1}", "{\"metric\":\"a\"}", "{\"metric\":\"\",\"value\":1}",
            "{\"metric\":\"a\",\"value\":\"lots\"}", "{\"metric\":\"a\",\"value\":1,\"ts\":-5}",
            "{\"metric\":\"a\",\"value\":1,\"ts\":\"now\"}", "{\"metric\":\"a\",\"value\":1,\"type\":\"meter\"}",
            "{\"metric\":\"a\",\"value\":1,\"labels\":{\"x\":1}}", "{\"metric\":\"a\",\"value\":1,\"labels\":[]}",
            "{\"metric\":\"a\",\"value\":1} {}", "{\"metric\":\"a\",\"value\":1"})
    void shouldRejectMalformedSamplesWithAReason(String line) {
        assertThat(FailedLineAssert.assertFailedLine(parser, line)).isNotBlank();
    }
}

package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** What every parser promises for a line it cannot read: the line kept, the event flagged, nothing else touched. */
final class FailedLineAssert {

    private FailedLineAssert() {
    }

    /** Asserts the failure contract and returns the recorded reason. */
    static String assertFailedLine(LineParser parser, String line) {
        Event event = Prefilled.event();

        boolean parsed = parser.parse(line, event);

        assertThat(parsed).as("parsed %s", line).isFalse();
        assertThat(event.isParseFailed()).isTrue();
        assertThat(event.getMessage()).isEqualTo(line);
        assertThat(event.getAttributes()).containsOnlyKeys(LineParser.PARSE_ERROR_ATTR);
        assertThat(event.attr(LineParser.PARSE_ERROR_ATTR)).isNotBlank();
        assertThat(event.getService()).isEqualTo(Prefilled.AGENT_SERVICE);
        assertThat(event.getHost()).isEqualTo(Prefilled.HOST);
        assertThat(event.getEventTimeNanos()).isEqualTo(Prefilled.RECEIVED_NANOS);
        assertThat(event.getLevel()).isEqualTo(Level.UNKNOWN);
        assertThat(event.getTraceId()).isNull();
        return event.attr(LineParser.PARSE_ERROR_ATTR);
    }
}

package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

import static org.assertj.core.api.Assertions.assertThat;

/** An event as the parse handler hands it to a parser: reset, then filled from the agent's batch. */
final class Prefilled {
    static final long RECEIVED_NANOS = 1_700_000_000_000_000_000L;
    static final String AGENT_SERVICE = "from-agent";
    static final String HOST = "web-1";

    private Prefilled() {
    }

    static Event event() {
        Event event = new Event();
        event.reset();
        event.setHost(HOST);
        event.setSource("agent-1:/var/log/app.log");
        event.setPath("/var/log/app.log");
        event.setService(AGENT_SERVICE);
        event.setReceiveTimeNanos(RECEIVED_NANOS);
        event.setEventTimeNanos(RECEIVED_NANOS);
        return event;
    }

    /** Parses {@code line} into a fresh pre-filled event, insisting that it parses. */
    static Event parsedBy(LineParser parser, String line) {
        Event event = event();
        assertThat(parser.parse(line, event)).as("parsed %s (%s)", line, event.getAttributes()).isTrue();
        assertThat(event.isParseFailed()).isFalse();
        return event;
    }
}

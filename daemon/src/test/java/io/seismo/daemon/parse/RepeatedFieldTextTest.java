package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every format hands out one String per repeated name and value, and fresh ones for what is new on a line. */
class RepeatedFieldTextTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                arguments(ParserSpec.json(), "{\"ts\":\"2026-11-23T12:00:0%dZ\",\"level\":\"ERROR\",\"service\":\"checkout\","
                        + "\"trace_id\":\"t%d\",\"http\":{\"route\":\"/api/cart\"},\"user\":\"u-1\"}"),
                arguments(ParserSpec.logfmt(), "ts=2026-11-23T12:00:0%dZ level=ERROR service=checkout trace_id=t%d"
                        + " http.route=/api/cart user=\"u-1\""),
                arguments(ParserSpec.regex("^(?<time>\\S+) (?<level>\\S+) (?<service>\\S+) (?<traceId>\\S+)"
                        + " (?<route>\\S+) (?<user>\\S+)$"), "2026-11-23T12:00:0%dZ ERROR checkout t%d /api/cart u-1"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void shouldShareRepeatedTextAcrossLines(ParserSpec spec, String shape) {
        LineParser parser = ParserFactory.create(spec);
        Event[] events = new Event[3];
        for (int i = 0; i < events.length; i++) {
            events[i] = new Event();
            assertThat(parser.parse(shape.formatted(i, i), events[i])).isTrue();
        }
        Event second = events[1];
        Event third = events[2];

        assertThat(third.getService()).isEqualTo("checkout").isSameAs(second.getService());
        assertThat(third.attr("user")).isEqualTo("u-1").isSameAs(second.attr("user"));
        String routeName = spec.format().equals("regex") ? "route" : "http.route";
        assertThat(third.attr(routeName)).isEqualTo("/api/cart").isSameAs(second.attr(routeName));
        assertThat(keyOf(third, routeName)).isSameAs(keyOf(second, routeName));
        assertThat(third.getTraceId()).isEqualTo("t2");
        assertThat(second.getTraceId()).isEqualTo("t1");
        assertThat(third.getEventTimeNanos() - second.getEventTimeNanos()).isEqualTo(1_000_000_000L);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void shouldLeaveEachEventItsOwnNewValuesWhenTheParserMovesOn(ParserSpec spec, String shape) {
        LineParser parser = ParserFactory.create(spec);
        String routeName = spec.format().equals("regex") ? "route" : "http.route";
        Event first = new Event();
        Event second = new Event();
        // Values never seen before travel as characters: the parser's arrays are reused for the next line.
        assertThat(parser.parse(shape.formatted(1, 1).replace("/api/cart", "/api/first"), first)).isTrue();
        assertThat(parser.parse(shape.formatted(2, 22222).replace("/api/cart", "/api/the-second-route")
                .replace("u-1", "someone-else"), second)).isTrue();

        assertThat(first.getTraceId()).isEqualTo("t1");
        assertThat(first.attr(routeName)).isEqualTo("/api/first");
        assertThat(first.attr("user")).isEqualTo("u-1");
        assertThat(second.getTraceId()).isEqualTo("t22222");
        assertThat(second.attr(routeName)).isEqualTo("/api/the-second-route");
        assertThat(second.attr("user")).isEqualTo("someone-else");
    }

    private static String keyOf(Event event, String name) {
        return event.getAttributes().keySet().stream().filter(name::equals).findFirst().orElseThrow();
    }
}

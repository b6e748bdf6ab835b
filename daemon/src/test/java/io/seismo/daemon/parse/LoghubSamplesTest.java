package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.seismo.daemon.parse.Times.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Real lines from the Loghub samples, every line of each file. */
class LoghubSamplesTest {

    /**
     * OpenStack nova logs: the file-name field gives the service, {@code [req-…]} the trace id; lines without a
     * request ({@code [-]}) parse with no trace id. The default time reading handles {@code 2017-05-16 00:00:00.008}.
     */
    static final String OPENSTACK_PATTERN = "^(?<service>[a-z]+(?:-[a-z]+)*)\\.log\\S* "
            + "(?<time>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) "
            + "(?<pid>\\d+) (?<level>[A-Z]+) (?<logger>\\S+) "
            + "\\[(?:(?<traceId>req-[0-9a-f-]+)[^\\]]*|-)\\] (?<message>.*)$";

    /** Apache error log: {@code [Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] message}. */
    static final String APACHE_PATTERN = "^\\["
            + "(?<time>[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\d{4})\\] "
            + "\\[(?<level>[a-z]+)\\] (?:\\[client (?<client>[^\\]]+)\\] )?(?<message>.*)$";

    static final String APACHE_TIME_FORMAT = "EEE MMM dd HH:mm:ss yyyy";

    private static final String REQUEST_ID = "req-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    @Test
    void shouldParseEveryOpenStackLine() throws IOException {
        List<Event> events = parseAll("OpenStack_2k.log", ParserSpec.regex(OPENSTACK_PATTERN));

        assertThat(events).hasSize(2000);
        assertThat(count(events, Event::getService))
                .containsOnly(entry("nova-api", 1060L), entry("nova-compute", 933L), entry("nova-scheduler", 7L));
        assertThat(count(events, Event::getLevel)).containsOnly(entry(Level.INFO, 1969L), entry(Level.WARN, 31L));
        assertThat(events).filteredOn(event -> event.getTraceId() != null).hasSize(1845)
                .allSatisfy(event -> assertThat(event.getTraceId()).matches(REQUEST_ID));
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getAttributes()).containsOnlyKeys("pid", "logger");
            assertThat(event.getEventTimeNanos())
                    .isBetween(nanos("2017-05-16T00:00:00Z"), nanos("2017-05-17T00:00:00Z"));
        });

        Event first = events.get(0);
        assertThat(first.getEventTimeNanos()).isEqualTo(nanos("2017-05-16T00:00:00.008Z"));
        assertThat(first.getTraceId()).isEqualTo("req-38101a0b-2096-447d-96ea-a692162415ae");
        assertThat(first.getAttributes())
                .containsOnly(entry("pid", "25746"), entry("logger", "nova.osapi_compute.wsgi.server"));
        assertThat(first.getMessage()).isEqualTo("10.11.10.1 \"GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail"
                + " HTTP/1.1\" status: 200 len: 1893 time: 0.2477829");

        Event withoutRequest = events.stream().filter(event -> event.getTraceId() == null).findFirst().orElseThrow();
        assertThat(withoutRequest.getService()).isEqualTo("nova-compute");
        assertThat(withoutRequest.getMessage())
                .isEqualTo("[instance: b9000564-fe1a-409b-b8cc-1e88b294cd1d] Instance spawned successfully.");
    }

    @Test
    void shouldJoinOpenStackServicesByRequestId() throws IOException {
        List<Event> events = parseAll("OpenStack_2k.log", ParserSpec.regex(OPENSTACK_PATTERN));
        Map<String, Set<String>> servicesByTrace = new HashMap<>();
        events.stream().filter(event -> event.getTraceId() != null).forEach(event ->
                servicesByTrace.computeIfAbsent(event.getTraceId(), id -> new HashSet<>()).add(event.getService()));

        assertThat(servicesByTrace).hasSize(938);
        assertThat(servicesByTrace.values()).filteredOn(services -> services.size() > 1).hasSize(43)
                .allSatisfy(services -> assertThat(services).containsOnly("nova-api", "nova-compute"));
    }

    @Test
    void shouldParseEveryApacheErrorLine() throws IOException {
        List<Event> events = parseAll("Apache_2k.log",
                ParserSpec.regex(APACHE_PATTERN).withTimeFormat(APACHE_TIME_FORMAT));

        assertThat(events).hasSize(2000);
        assertThat(count(events, Event::getLevel)).containsOnly(entry(Level.ERROR, 595L), entry(Level.INFO, 1405L));
        assertThat(events).filteredOn(event -> event.attr("client") != null).hasSize(32);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getService()).isEqualTo(Prefilled.AGENT_SERVICE);
            assertThat(event.getEventTimeNanos())
                    .isBetween(nanos("2005-01-01T00:00:00Z"), nanos("2006-01-01T00:00:00Z"));
        });

        Event first = events.get(0);
        assertThat(first.getEventTimeNanos()).isEqualTo(nanos("2005-12-04T04:47:44Z"));
        assertThat(first.getMessage()).isEqualTo("workerEnv.init() ok /etc/httpd/conf/workers2.properties");
        assertThat(events.get(1).getLevel()).isEqualTo(Level.ERROR);
        assertThat(events.get(1).getMessage()).isEqualTo("mod_jk child workerEnv in error state 6");
    }

    /** Parses every line with one parser and a reused event, as a parse thread does; returns copies of the results. */
    private static List<Event> parseAll(String file, ParserSpec spec) throws IOException {
        LineParser parser = ParserFactory.create(spec);
        Event slot = new Event();
        List<Event> events = new ArrayList<>();
        for (String line : LoghubSamples.lines(file)) {
            slot.copyFrom(Prefilled.event());
            assertThat(parser.parse(line, slot)).as("%s: %s (%s)", file, line, slot.getAttributes()).isTrue();
            Event copy = new Event();
            copy.copyFrom(slot);
            events.add(copy);
        }
        return events;
    }

    private static <K> Map<K, Long> count(List<Event> events, Function<Event, K> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}

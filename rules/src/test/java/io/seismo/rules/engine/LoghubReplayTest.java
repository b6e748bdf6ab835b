package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Replays the real OpenStack sample (nova-api, nova-compute and nova-scheduler lines from 2017 that share
 * request ids) in virtual time: recorded input must close its windows and traces once it ends.
 */
class LoghubReplayTest {
    private static final Pattern LINE = Pattern.compile(
            "^(?<service>nova-[a-z]+)\\S* (?<time>\\S+ \\S+) \\d+ (?<level>[A-Z]+) \\S+ (?:\\[(?<request>req-[0-9a-f-]+)[^]]*] )?(?<message>.*)$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String RULES = """
            threshold('nova-warnings') {
                where { level >= WARN }
                window sliding(1.minute, 10.seconds)
                fireWhen { warnings >= 2 }
            }
            """;

    @Test
    void shouldCloseEveryWindowAndTraceOfARecordedLogOnceItEnds() throws IOException {
        List<SyntheticEvent> events = readOpenStackSample();
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(RULES), EngineOptions.defaults());

        driver.feedAll(events).idleFor(Duration.ofMinutes(2));

        long lastEvent = events.stream().mapToLong(SyntheticEvent::timeNanos).max().orElseThrow();
        assertThat(driver.engine().eventsSeen()).isEqualTo(events.size());
        assertThat(driver.engine().watermarkNanos()).isGreaterThan(lastEvent + Duration.ofMinutes(1).toNanos());
        assertThat(driver.engine().openTraces()).isZero();
        // Some request ids recur minutes apart (periodic tasks) and so make several sessions; still, every
        // event with a request id is in exactly one closed trace.
        long tracedEvents = events.stream().map(SyntheticEvent::traceId).filter(Objects::nonNull).count();
        assertThat(driver.traces().stream().mapToLong(TraceSummary::eventCount).sum()).isEqualTo(tracedEvents);
        assertThat(driver.traces()).extracting(TraceSummary::traceId)
                .containsAll(events.stream().map(SyntheticEvent::traceId).filter(Objects::nonNull).distinct().toList());
        assertThat(driver.traces()).anySatisfy(trace -> assertThat(trace.services()).hasSizeGreaterThan(1));
        Map<Boolean, Long> transitions = driver.findings().stream()
                .collect(Collectors.groupingBy(Finding::firing, Collectors.counting()));
        assertThat(transitions.get(true)).as("firing findings").isPositive().isEqualTo(transitions.get(false));
    }

    private static List<SyntheticEvent> readOpenStackSample() throws IOException {
        Path sample = RuleText.repositoryRoot().resolve("../shared/datasets/loghub/OpenStack_2k.log").normalize();
        Assumptions.assumeTrue(Files.isReadable(sample), "Loghub samples not found at " + sample + "; skipping replay");
        try (var lines = Files.lines(sample, StandardCharsets.UTF_8)) {
            return lines.map(LINE::matcher).filter(Matcher::matches).map(toEvent()).toList();
        }
    }

    private static Function<Matcher, SyntheticEvent> toEvent() {
        return line -> {
            long nanos = LocalDateTime.parse(line.group("time"), TIME).toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L;
            return SyntheticEvent.log(nanos, line.group("service"), Level.parse(line.group("level")), line.group("message"))
                    .withTrace(line.group("request"));
        };
    }
}

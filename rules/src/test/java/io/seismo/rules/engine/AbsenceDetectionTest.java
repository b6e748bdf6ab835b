package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsenceDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String HEARTBEAT = """
            absence('heartbeat') {
                where { message == 'heartbeat' }
                by { attr('host') }
                window tumbling(5.seconds)
                expectWithin 10.seconds
                forgetAfter 60.seconds
            }
            """;

    @Test
    void shouldFireWhenAKeyFallsSilentAndResolveWhenItIsBack() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEARTBEAT), OPTIONS).feedAll(h1PausesAtSeven());

        // h1 last beats at 7 s: silent for 10 s at 17 s, noticed at the boundary at 20 s; back at 31 s,
        // noticed at 35 s. h2 beats every 3 s and never fires.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("h1", true, at(20)), tuple("h1", false, at(35)));
        assertThat(driver.findings().get(0).values()).isEqualTo(Map.of("silentSeconds", 13.0));
        assertThat(driver.findings().get(0).condition()).isEqualTo("no matching event for PT10S");
    }

    @Test
    void shouldFireWhenAllInputStopsAndForgetTheKeyLater() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEARTBEAT), OPTIONS);
        driver.feed(beat(1, "h1"));

        driver.idleFor(Duration.ofSeconds(90));

        // Idle ticks move the watermark on: silent from 11 s (fires at 15 s), forgotten at 61 s (at 65 s).
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("h1", true, at(15)), tuple("h1", false, at(65)));
        assertThat(driver.engine().watermarkNanos()).isGreaterThanOrEqualTo(at(65));
    }

    @Test
    void shouldCountALateBeatUnlessItsKeyWouldAlreadyBeForgotten() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEARTBEAT), OPTIONS);
        driver.feed(beat(1, "h1"));
        driver.feed(beat(12, "h2")); // watermark 11 s
        driver.feed(beat(9, "h1")); // late, still counts: h1 is silent from 19 s, not 11 s
        driver.feed(beat(17, "h2"));
        driver.feed(beat(21, "h2")); // watermark 20 s: h1 fires
        driver.feed(beat(71, "h2")); // watermark 70 s: h2 silent from 31 s fires at 35 s, h1 forgotten at 69 s
        driver.feed(beat(5, "h3")); // too late: it would have been forgotten at 65 s

        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("h1", true, at(20)), tuple("h2", true, at(35)), tuple("h1", false, at(70)));
        assertThat(driver.engine().lateEvents()).isEqualTo(2);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldResolveAFiringKeyEvictedForANewOne() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEARTBEAT), OPTIONS.withMaxKeysPerRule(1));
        driver.feed(beat(1, "h1"));
        driver.feed(beat(16, "other")); // watermark 15 s: h1 fires; then h1 makes room for other
        driver.feed(beat(21, "other"));

        assertThat(driver.engine().keysEvicted()).isEqualTo(1);
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("h1", true, at(15)), tuple("h1", false, at(20)));
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        List<Finding> all = RestoreCheck.findingsSurviveARestore(RuleText.compile(HEARTBEAT), OPTIONS,
                h1PausesAtSeven(), 8);

        assertThat(all).extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(20)), tuple(false, at(35)));
    }

    /** h1 beats at 1, 4, 7 and 31 s; h2 every 3 s from 2 s to 38 s. */
    private static List<SyntheticEvent> h1PausesAtSeven() {
        List<SyntheticEvent> stream = new ArrayList<>(List.of(beat(1, "h1"), beat(4, "h1"), beat(7, "h1"), beat(31, "h1")));
        for (int second = 2; second <= 38; second += 3) {
            stream.add(beat(second, "h2"));
        }
        stream.sort(Comparator.comparingLong(SyntheticEvent::timeNanos));
        return stream;
    }

    private static SyntheticEvent beat(double second, String host) {
        return SyntheticEvent.log(at(second), "agent", Level.INFO, "heartbeat").withAttr("host", host);
    }
}

package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnyDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String OOM = """
            any('oom') {
                where { message == 'oom' }
                by { attr('host') }
                window tumbling(5.seconds)
                quiet 10.seconds
                labels team: 'platform'
            }
            """;

    @Test
    void shouldFireOnTheFirstMatchAndResolveAfterQuiet() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(OOM), OPTIONS);
        driver.feed(event(1, "h1", "oom"));
        driver.feed(event(2, "h1", "fine"));
        driver.feed(event(7, "h1", "oom"));
        driver.feed(event(8, "h2", "oom"));
        for (int second = 9; second <= 40; second++) {
            driver.feed(event(second, "h3", "fine"));
        }

        // h1: first match at 1 s fires at 5 s; last match at 7 s, quiet from 17 s: resolves at 20 s.
        // h2: the match at 8 s fires at 10 s; quiet from 18 s: resolves at 20 s. h3 never matches.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(
                        tuple("h1", true, at(5)),
                        tuple("h2", true, at(10)),
                        tuple("h1", false, at(20)),
                        tuple("h2", false, at(20)));
        Finding resolved = driver.findings().get(2);
        assertThat(resolved.values()).isEqualTo(Map.of("count", 2.0));
        assertThat(resolved.windowStartNanos()).isEqualTo(at(1));
        assertThat(resolved.labels()).isEqualTo(Map.of("alertname", "oom", "key", "h1", "team", "platform"));
        assertThat(resolved.condition()).isEqualTo("any event where message == 'oom', until quiet for PT10S");
    }

    @Test
    void shouldFireAgainAfterAResolve() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(OOM), OPTIONS);
        driver.feed(event(1, "h1", "oom"));
        driver.feed(event(26, "h1", "oom"));
        driver.feed(event(31, "h1", "fine"));

        assertThat(driver.findings())
                .extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(5)), tuple(false, at(15)), tuple(true, at(30)));
    }

    @Test
    void shouldCountOutOfOrderAndLateMatchesWhileTheirQuietPeriodIsOpen() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(OOM), OPTIONS);
        driver.feed(event(3, "h1", "oom"));
        driver.feed(event(2.5, "h1", "oom")); // out of order, before the watermark moved past it
        driver.feed(event(12, "h2", "fine")); // watermark 11 s: boundaries 5 s and 10 s evaluated
        driver.feed(event(4, "h1", "oom")); // late, but h1 is still within its quiet period
        driver.feed(event(0, "h4", "oom")); // too late: its quiet period ended at 10 s, already evaluated
        driver.feed(event(21, "h2", "fine"));

        // h1: fires at 5 s with its first match at 2.5 s; last match 4 s, quiet from 14 s: resolves at 15 s.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos, Finding::windowStartNanos)
                .containsExactly(tuple("h1", true, at(5), at(2.5)), tuple("h1", false, at(15), at(2.5)));
        assertThat(driver.findings().get(1).values()).containsEntry("count", 3.0);
        assertThat(driver.engine().lateEvents()).isEqualTo(2);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldResolveAFiringKeyEvictedForANewOne() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(OOM), OPTIONS.withMaxKeysPerRule(1));
        driver.feed(event(1, "h1", "oom").withTrace("t-1"));
        driver.feed(event(6, "h2", "oom"));
        driver.feed(event(11, "h2", "fine"));

        assertThat(driver.engine().keysEvicted()).isEqualTo(1);
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("h1", true, at(5)), tuple("h1", false, at(10)), tuple("h2", true, at(10)));
        assertThat(driver.findings().get(1).evidence().traceIds()).containsExactly("t-1");
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        RuleSet rules = RuleText.compile(OOM);
        List<SyntheticEvent> stream = List.of(
                event(1, "h1", "oom"), event(3, "h2", "oom"), event(7, "h1", "oom"), event(6.5, "h2", "oom"),
                event(13, "h3", "oom"), event(14, "h1", "fine"), event(22, "h3", "fine"), event(40, "h1", "fine"));
        List<Finding> all = RestoreCheck.findingsSurviveARestore(rules, OPTIONS, stream, 4);
        assertThat(all).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(
                        tuple("h1", true, at(5)), tuple("h2", true, at(5)), tuple("h3", true, at(15)),
                        tuple("h1", false, at(20)), tuple("h2", false, at(20)), tuple("h3", false, at(25)));
    }

    private static SyntheticEvent event(double second, String host, String message) {
        return SyntheticEvent.log(at(second), "node", Level.INFO, message).withAttr("host", host);
    }
}

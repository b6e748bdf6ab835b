package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String VERSION = """
            change('version') {
                by { attr('host') }
                value { attr('version') }
                window tumbling(5.seconds)
                forgetAfter 30.seconds
            }
            """;

    @Test
    void shouldReportEachChangeButNotAFirstValue() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(VERSION), OPTIONS).feedAll(upgrades());

        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(
                        tuple("h1/v2", true, at(5)),
                        tuple("h1/v2", false, at(10)), tuple("h2/v3", true, at(10)),
                        tuple("h2/v3", false, at(15)));
        Finding first = driver.findings().get(0);
        assertThat(first.labels())
                .isEqualTo(Map.of("alertname", "version", "key", "h1", "value", "v2", "previous", "v1"));
        assertThat(first.condition()).isEqualTo("attr('version') changed");
        assertThat(first.windowStartNanos()).isEqualTo(at(3));
    }

    @Test
    void shouldIgnoreAnEventOlderThanTheNewestValueAndForgetQuietKeys() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(VERSION), OPTIONS);
        driver.feed(start(1, "h1", "v1"));
        driver.feed(start(3, "h1", "v2"));
        driver.feed(start(2, "h1", "v1")); // older than v2 at 3 s: cannot be ordered, counted as too late
        driver.feed(tick(40)); // h1, last seen at 3 s, is forgotten at the boundary at 35 s
        driver.feed(start(41, "h1", "v3")); // a first sight again, not a change
        driver.feed(tick(50));

        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("h1/v2", true, at(5)), tuple("h1/v2", false, at(10)));
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        List<Finding> all = RestoreCheck.findingsSurviveARestore(RuleText.compile(VERSION), OPTIONS, upgrades(), 3);

        assertThat(all).hasSize(4);
    }

    /** h1 goes from v1 to v2 at 3 s, h2 from v1 to v3 at 7 s. */
    private static List<SyntheticEvent> upgrades() {
        return List.of(start(1, "h1", "v1"), start(2, "h1", "v1"), start(3, "h1", "v2"), start(4, "h2", "v1"),
                start(6, "h1", "v2"), start(7, "h2", "v3"), tick(11), tick(16));
    }

    private static SyntheticEvent start(double second, String host, String version) {
        return SyntheticEvent.log(at(second), "agent", Level.INFO, "agent started")
                .withAttr("host", host).withAttr("version", version);
    }

    private static SyntheticEvent tick(double second) {
        return SyntheticEvent.log(at(second), "agent", Level.INFO, "tick");
    }
}

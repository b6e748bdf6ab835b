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

class NewValueDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String NEW_AGENT = """
            newValue('ua') {
                by { attr('user') }
                value { attr('ua') }
                window tumbling(5.seconds)
                remember 2
                forgetAfter 30.seconds
            }
            """;

    @Test
    void shouldReportEachFirstSightOnceAndForgetTheLeastRecentPairWhenFull() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(NEW_AGENT), OPTIONS).feedAll(logins());

        // Only 2 pairs fit: bob/firefox at 6 s evicts alice/firefox (last seen at 2 s), so alice/firefox at
        // 7 s is new again, and evicts alice/chrome.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(
                        tuple("alice/chrome", true, at(5)), tuple("alice/firefox", true, at(5)),
                        tuple("alice/chrome", false, at(10)), tuple("alice/firefox", false, at(10)),
                        tuple("alice/firefox", true, at(10)), tuple("bob/firefox", true, at(10)),
                        tuple("alice/firefox", false, at(15)), tuple("bob/firefox", false, at(15)));
        assertThat(driver.engine().keysEvicted()).isEqualTo(2);
        Finding first = driver.findings().get(0);
        assertThat(first.labels()).isEqualTo(Map.of("alertname", "ua", "key", "alice", "value", "chrome"));
        assertThat(first.windowStartNanos()).isEqualTo(at(3));
        assertThat(first.evidence().sampleMessages()).containsExactly("login 3.0");
        assertThat(first.condition()).isEqualTo("first sight of attr('ua') in PT30S");
    }

    @Test
    void shouldForgetAPairAfterItsTimeAndCountLateEventsUnlessAlreadyForgettable() {
        String rules = NEW_AGENT.replace("remember 2", "remember 100");
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(rules), OPTIONS);
        driver.feed(login(1, "alice", "firefox"));
        driver.feed(tick(12)); // watermark 11 s: fires at 5 s, resolves at 10 s
        driver.feed(login(9, "alice", "firefox")); // late, known: last seen 9 s, forgotten at the boundary at 40 s
        driver.feed(tick(42));
        driver.feed(login(43, "alice", "firefox")); // new again
        driver.feed(tick(47));
        driver.feed(login(14, "carol", "firefox")); // too late: 30 s after it had passed at 45 s
        driver.feed(tick(51));

        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(
                        tuple("alice/firefox", true, at(5)), tuple("alice/firefox", false, at(10)),
                        tuple("alice/firefox", true, at(45)), tuple("alice/firefox", false, at(50)));
        assertThat(driver.engine().lateEvents()).isEqualTo(2);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        List<Finding> all = RestoreCheck.findingsSurviveARestore(RuleText.compile(NEW_AGENT), OPTIONS, logins(), 4);

        assertThat(all).hasSize(8);
    }

    private static List<SyntheticEvent> logins() {
        return List.of(login(1, "alice", "firefox"), login(2, "alice", "firefox"), login(3, "alice", "chrome"),
                login(6, "bob", "firefox"), login(7, "alice", "firefox"), tick(11), tick(16));
    }

    private static SyntheticEvent login(double second, String user, String agent) {
        return SyntheticEvent.log(at(second), "auth", Level.INFO, "login " + second)
                .withAttr("user", user).withAttr("ua", agent);
    }

    /** An event without a user: moves event time on, counts for nothing. */
    private static SyntheticEvent tick(double second) {
        return SyntheticEvent.log(at(second), "auth", Level.INFO, "tick");
    }
}

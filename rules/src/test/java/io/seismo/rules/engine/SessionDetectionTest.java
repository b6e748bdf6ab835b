package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import org.junit.jupiter.api.Test;

/** Session rules on hand-computed streams: a session is events at most a gap apart, judged when it ends. */
class SessionDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String LOGIN_STORM = """
            session('login-storm') {
                where { message.contains('failed password') }
                by { attr('user') }
                gap 10.seconds
                fireWhen { count > 3 }
            }
            """;

    @Test
    void shouldJudgeASessionWhenTheWatermarkPassesItsEndAndFireForOneGap() {
        VirtualTimeDriver driver = driver(1);
        for (double second : new double[] {1, 3, 2, 5, 7}) { // 2 s comes out of order, within the lateness
            driver.feed(failed(second, "alice"));
        }
        driver.feed(failed(19, "bob"));   // watermark 18: alice's session [1 s, 7 s] ended at 7 + 10 = 17 s
        driver.feed(failed(30, "carol")); // watermark 29: alice fired until 17 + 10 = 27 s; bob's one try ended at 29 s

        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("alice", true, at(17)), tuple("alice", false, at(27)));
        Finding fired = driver.findings().get(0);
        assertThat(fired.values()).containsEntry("count", 5.0);
        assertThat(fired.windowStartNanos()).isEqualTo(at(1));
        assertThat(fired.labels()).containsEntry("key", "alice").containsEntry("alertname", "login-storm");
        assertThat(fired.evidence().sampleMessages()).first().asString().contains("failed password for alice");
    }

    @Test
    void shouldEndASessionAtALongPauseEvenBeforeTheWatermarkGetsThere() {
        VirtualTimeDriver driver = driver(20); // the watermark trails event time by 20 s
        for (double second : new double[] {1, 2, 3, 4, 15, 16}) {
            driver.feed(failed(second, "alice"));
        }
        driver.feed(failed(60, "bob")); // watermark 40

        // [1 s, 4 s] ended at 14 s when 15 s arrived, with 4 tries: fires at 14 s until 24 s. [15 s, 16 s] ends at
        // 26 s with 2 tries and does not.
        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("alice", true, at(14)), tuple("alice", false, at(24)));
    }

    @Test
    void shouldReportEachSessionThatHoldsAsAnEpisodeOfItsOwn() {
        VirtualTimeDriver driver = driver(1);
        for (double second : new double[] {1, 2, 3, 4, 16, 17, 18, 19}) {
            driver.feed(failed(second, "alice"));
        }
        driver.feed(failed(60, "bob"));

        // [1, 4] ends at 14 and fires until 24; [16, 19] ends at 29 and fires until 39. A session ends a gap after
        // its last event, so the next one can never end while the previous one still fires.
        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("alice", true, at(14)), tuple("alice", false, at(24)),
                        tuple("alice", true, at(29)), tuple("alice", false, at(39)));
    }

    @Test
    void shouldRefuseASessionRuleWithoutAGapOrWithAWindow() {
        assertThatThrownBy(() -> RuleText.compile("session('s') { fireWhen { count > 3 } }"))
                .hasMessageContaining("gap 5.minutes");
        assertThatThrownBy(() -> RuleText.compile("session('s') { gap 5.seconds; window tumbling(1.minute); fireWhen { count > 3 } }"))
                .hasMessageContaining("no window");
    }

    private static VirtualTimeDriver driver(long latenessSeconds) {
        return new VirtualTimeDriver(RuleText.compile(LOGIN_STORM), EngineOptions.defaults()
                .withAllowedLatenessNanos(latenessSeconds * SECOND).withIdleTimeoutNanos(600 * SECOND));
    }

    private static SyntheticEvent failed(double second, String user) {
        return SyntheticEvent.log(at(second), "sshd", Level.WARN, "failed password for " + user + " at " + second)
                .withAttr("user", user);
    }
}

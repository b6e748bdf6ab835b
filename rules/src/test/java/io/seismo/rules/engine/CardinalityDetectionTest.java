package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardinalityDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String SPRAY = """
            cardinality('spray') {
                where { message == 'auth failed' }
                by { attr('src') }
                distinct { attr('user') }
                window sliding(10.seconds, 5.seconds)
                fireWhen { distinct >= 3 }
                maxDistinct 4
            }
            """;

    @Test
    void shouldFireOnEnoughDistinctValuesAndCapWhatItKeeps() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SPRAY), OPTIONS).feedAll(sprays());

        // A: u1, u2, u2, u3 in [0 s, 10 s) fires at 10 s; [5 s, 15 s) holds u3 only: resolves at 15 s.
        // B: u1..u4 in [10 s, 15 s) fires at 15 s; [10 s, 20 s) holds 6 users, capped at 4, still firing;
        // [15 s, 25 s) holds u5, u6: resolves at 25 s.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("A", true, at(10)), tuple("A", false, at(15)), tuple("B", true, at(15)),
                        tuple("B", false, at(25)));
        assertThat(driver.findings().get(0).values()).isEqualTo(Map.of("distinct", 3.0, "count", 4.0, "capped", 0.0));
        assertThat(driver.findings().get(3).values()).isEqualTo(Map.of("distinct", 2.0, "count", 2.0, "capped", 0.0));
    }

    @Test
    void shouldCountOutOfOrderAndLateValuesWhileTheirBucketIsKept() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SPRAY), OPTIONS);
        driver.feed(fail(4, "A", "u1"));
        driver.feed(fail(3, "A", "u2")); // out of order
        driver.feed(tick(7)); // watermark 6 s: [-5 s, 5 s) has 2 users
        driver.feed(fail(4.5, "A", "u3")); // late, but [0 s, 10 s) is still to come
        driver.feed(tick(11)); // fires at 10 s
        driver.feed(fail(1, "A", "u4")); // too late: no window still to come covers 1 s
        driver.feed(tick(16)); // [5 s, 15 s) is empty: resolves at 15 s

        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("A", true, at(10)), tuple("A", false, at(15)));
        assertThat(driver.engine().lateEvents()).isEqualTo(2);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        List<Finding> all = RestoreCheck.findingsSurviveARestore(RuleText.compile(SPRAY), OPTIONS, sprays(), 6);

        assertThat(all).hasSize(4);
    }

    private static List<SyntheticEvent> sprays() {
        List<SyntheticEvent> stream = new ArrayList<>(List.of(
                fail(1, "A", "u1"), fail(2, "A", "u2"), fail(3, "A", "u2"), fail(6, "A", "u3")));
        for (int i = 1; i <= 6; i++) {
            stream.add(fail(10 + i, "B", "u" + i));
        }
        stream.add(tick(26));
        return stream;
    }

    private static SyntheticEvent fail(double second, String source, String user) {
        return SyntheticEvent.log(at(second), "sshd", Level.INFO, "auth failed").withAttr("src", source).withAttr("user", user);
    }

    private static SyntheticEvent tick(double second) {
        return SyntheticEvent.log(at(second), "sshd", Level.INFO, "tick");
    }
}

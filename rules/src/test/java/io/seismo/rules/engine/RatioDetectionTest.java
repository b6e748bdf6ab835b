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

class RatioDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String ERROR_RATIO = """
            ratio('error-ratio') {
                denominator { message != 'probe' }
                numerator { level >= ERROR }
                window tumbling(10.seconds)
                fireWhen { ratio > 0.25 && total >= 4 }
            }
            """;

    @Test
    void shouldFireWhenTheShareOfTheNumeratorIsHighEnoughOverEnoughEvents() {
        List<SyntheticEvent> stream = twoWindows();
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(ERROR_RATIO), OPTIONS).feedAll(stream);

        // api [0 s, 10 s): 3 errors of 8 = 0.375 fires. [10 s, 20 s): 1 of 4 = 0.25 (the probes do not
        // count) resolves. web: 2 of 2, but a total of 2 never fires.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("api", true, at(10)), tuple("api", false, at(20)));
        assertThat(driver.findings().get(0).values())
                .isEqualTo(Map.of("numerator", 3.0, "total", 8.0, "ratio", 0.375));
        assertThat(driver.findings().get(0).condition()).isEqualTo("ratio > 0.25 && total >= 4");
        assertThat(driver.findings().get(0).evidence().sampleMessages()).containsExactly("api 6", "api 4", "api 2");
    }

    @Test
    void shouldCountOutOfOrderAndLateEventsIntoTheirStillOpenWindow() {
        String rules = """
                ratio('half-fail') {
                    numerator { level >= ERROR }
                    window tumbling(10.seconds)
                    fireWhen { ratio >= 0.5 && total >= 2 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(rules), OPTIONS);
        driver.feed(log(9, "api", Level.INFO));
        driver.feed(log(8.5, "api", Level.ERROR)); // out of order
        driver.feed(log(10.5, "api", Level.INFO)); // watermark 9.5 s
        driver.feed(log(9.2, "api", Level.ERROR)); // late, but [0 s, 10 s) is still open
        driver.feed(log(12, "api", Level.INFO)); // watermark 11 s: [0 s, 10 s) holds 2 errors of 3
        driver.feed(log(3, "api", Level.ERROR)); // too late: its window is closed
        driver.feed(log(21, "api", Level.INFO)); // [10 s, 20 s): 0 of 2

        assertThat(driver.findings())
                .extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(10)), tuple(false, at(20)));
        assertThat(driver.findings().get(0).values()).containsEntry("numerator", 2.0).containsEntry("total", 3.0);
        assertThat(driver.engine().lateEvents()).isEqualTo(2);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldCountANumeratorThatThrowsAndSkipTheEvent() {
        String rules = """
                ratio('broken') {
                    numerator { message.length() > 3 }
                    window tumbling(10.seconds)
                    fireWhen { total >= 1 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(rules), OPTIONS);
        driver.feed(SyntheticEvent.log(at(1), "api", Level.INFO, null));
        driver.feed(log(12, "api", Level.INFO));

        assertThat(driver.engine().ruleErrors("broken")).isEqualTo(1);
        assertThat(driver.findings()).isEmpty();
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        List<SyntheticEvent> stream = twoWindows();

        List<Finding> all = RestoreCheck.findingsSurviveARestore(RuleText.compile(ERROR_RATIO), OPTIONS, stream, 10);

        assertThat(all).extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(10)), tuple(false, at(20)));
    }

    /** api: 8 events in [0 s, 10 s), errors at 2, 4, 6 s; 4 in [10 s, 20 s), one error, plus 3 error probes. */
    private static List<SyntheticEvent> twoWindows() {
        List<SyntheticEvent> stream = new ArrayList<>();
        for (int second = 1; second <= 8; second++) {
            stream.add(log(second, "api", second % 2 == 0 && second <= 6 ? Level.ERROR : Level.INFO));
        }
        stream.add(log(3, "web", Level.ERROR));
        stream.add(log(5, "web", Level.ERROR));
        for (int second = 11; second <= 14; second++) {
            stream.add(log(second, "api", second == 12 ? Level.ERROR : Level.INFO));
        }
        for (int second = 15; second <= 17; second++) {
            stream.add(SyntheticEvent.log(at(second), "api", Level.ERROR, "probe"));
        }
        stream.add(log(22, "web", Level.INFO));
        return stream;
    }

    private static SyntheticEvent log(double second, String service, Level level) {
        return SyntheticEvent.log(at(second), service, level, service + " " + (long) second);
    }
}

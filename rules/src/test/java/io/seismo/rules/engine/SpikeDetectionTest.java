package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SpikeDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String SPIKE = """
            spike('burst') {
                window tumbling(10.seconds)
                baseline 30.seconds
                fireWhen { current > 3 * baseline && current >= 5 }
            }
            """;

    @Test
    void shouldFireWhenTheCurrentWindowJumpsAgainstTheTrailingMean() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SPIKE), OPTIONS).feedAll(burstAtThirty());

        // 2 events in each window but [30 s, 40 s), which has 8. At 40 s: current 8 against (2+2+2)/3 = 2.
        // At 50 s: current 2 against (2+2+8)/3 = 4. Earlier windows have fewer than 5 events.
        assertThat(driver.findings())
                .extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(40)), tuple(false, at(50)));
        assertThat(driver.findings().get(0).values()).isEqualTo(Map.of("current", 8.0, "baseline", 2.0));
        assertThat(driver.findings().get(1).values()).isEqualTo(Map.of("current", 2.0, "baseline", 4.0));
        assertThat(driver.findings().get(0).condition()).isEqualTo("current > 3 * baseline && current >= 5");
    }

    @Test
    void shouldCountOutOfOrderAndLateEventsWhileTheirWindowIsKept() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SPIKE), OPTIONS);
        for (double second : new double[] {1, 2, 11, 12, 21, 22}) {
            driver.feed(log(second));
        }
        for (int second = 38; second >= 31; second--) {
            driver.feed(log(second)); // from 36 s on, behind the watermark (37 s) but their window is open
        }
        driver.feed(log(41)); // watermark 40 s: current 8 against 2 fires
        driver.feed(log(5)); // too late: the baseline of every window still to come starts at 10 s
        driver.feed(log(42));
        driver.feed(log(51));

        assertThat(driver.findings())
                .extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(40)), tuple(false, at(50)));
        assertThat(driver.engine().lateEvents()).isEqualTo(7);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
    }

    @Test
    void shouldRejectABaselineThatIsNotAWholeNumberOfWindows() {
        String rules = """
                spike('odd') {
                    window tumbling(10.seconds)
                    baseline 25.seconds
                    fireWhen { current > baseline }
                }
                """;

        RuleLoadException e = Assertions.catchThrowableOfType(RuleLoadException.class,
                () -> RuleSet.compile(List.of(new RuleSource("odd.groovy", rules))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("whole number of windows");
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        List<Finding> all = RestoreCheck.findingsSurviveARestore(RuleText.compile(SPIKE), OPTIONS, burstAtThirty(), 9);

        assertThat(all).extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(40)), tuple(false, at(50)));
    }

    /** Two events in each 10 s window from 0 s to 60 s, but eight in [30 s, 40 s). */
    private static List<SyntheticEvent> burstAtThirty() {
        List<SyntheticEvent> stream = new ArrayList<>();
        for (int window = 0; window < 6; window++) {
            int events = window == 3 ? 8 : 2;
            for (int i = 1; i <= events; i++) {
                stream.add(log(window * 10 + i));
            }
        }
        return stream;
    }

    private static SyntheticEvent log(double second) {
        return SyntheticEvent.log(at(second), "api", Level.INFO, "request " + second);
    }
}

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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code late COUNT} and {@code late DROP} on the same out-of-order stream, computed by hand. */
class LatePolicyTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldCountALateEventIntoTheWindowsStillOpenOrDropItAsEachRuleSays() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                threshold('counts-late') {
                    window sliding(10.seconds, 5.seconds)
                    fireWhen { count >= 3 }
                    late COUNT
                }
                threshold('drops-late') {
                    window sliding(10.seconds, 5.seconds)
                    fireWhen { count >= 3 }
                    late DROP
                }
                threshold('default') {
                    window sliding(10.seconds, 5.seconds)
                    fireWhen { count >= 3 }
                }
                """), EngineOptions.defaults().withAllowedLatenessNanos(SECOND).withIdleTimeoutNanos(60 * SECOND));

        driver.feed(log(6, "a"));
        driver.feed(log(7, "a"));
        // The watermark moves to 11 s: the windows ending at 5 s and 10 s are evaluated (a: 2 events, calm).
        driver.feed(log(12, "b"));
        // Behind the watermark; [5 s, 15 s) has not been evaluated yet, so a rule that counts late events sees
        // a three times there: 6, 7 and 9 s.
        driver.feed(log(9, "a"));
        driver.feed(log(17, "b"));

        assertThat(driver.findings()).extracting(Finding::ruleName, Finding::key, Finding::firing, Finding::atNanos)
                .containsExactlyInAnyOrder(tuple("counts-late", "a", true, at(15)), tuple("default", "a", true, at(15)));
        Map<String, RuleCost> costs = driver.engine().ruleCosts().stream()
                .collect(Collectors.toMap(RuleCost::rule, cost -> cost));
        assertThat(costs.get("counts-late")).extracting(RuleCost::lateCounted, RuleCost::lateDropped).containsExactly(1L, 0L);
        assertThat(costs.get("drops-late")).extracting(RuleCost::lateCounted, RuleCost::lateDropped).containsExactly(0L, 1L);
        assertThat(driver.engine().lateEvents()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnythingButCountOrDrop() {
        assertThatThrownBy(() -> RuleText.compile("""
                threshold('odd') {
                    fireWhen { count >= 3 }
                    late null
                }
                """)).hasMessageContaining("late must be COUNT or DROP");
    }

    private static SyntheticEvent log(double second, String service) {
        return SyntheticEvent.log(at(second), service, Level.INFO, service + " at " + second);
    }
}

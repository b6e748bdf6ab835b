package io.seismo.rules.sandbox;

import static io.seismo.rules.RuleText.at;
import static io.seismo.rules.testing.SyntheticEvent.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rules cannot loop, but they can multiply work or memory without loops: the budget stops them. */
class RuleBudgetTest {
    private static final EngineOptions OPTIONS = EngineOptions.defaults();
    private static final String HEALTHY = """
            threshold('service-errors') {
                window tumbling(5.seconds)
                fireWhen { errors >= 3 }
            }
            """;
    /** Ten to the seventh power closure calls per event, with no loop in sight. */
    private static final String WORK_BOMB = """
            threshold('work-bomb') {
                where {
                    def l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                    l.collect { a -> l.collect { b -> l.collect { c -> l.collect { d -> l.collect { e ->
                        l.collect { f -> l.collect { g -> 1 } } } } } } }.size() > 0
                }
                fireWhen { count > 0 }
            }
            """;

    @Test
    @Timeout(30)
    void shouldStopARuleThatMultipliesWorkAndSwitchItOffAfterThreeOverruns() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEALTHY + WORK_BOMB), OPTIONS);

        for (int second = 1; second <= 10; second++) {
            driver.feed(log(at(second), "a", Level.ERROR, "boom"));
        }
        driver.idleFor(Duration.ofSeconds(10));

        assertThat(driver.engine().ruleErrors("work-bomb")).as("three overruns, then switched off").isEqualTo(3);
        assertThat(driver.findings()).extracting(Finding::ruleName).containsOnly("service-errors").isNotEmpty();
    }

    @Test
    @Timeout(30)
    void shouldStopARuleThatDoublesMemoryBeforeItExhaustsTheHeap() {
        String doublings = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> "        def l" + i + " = l" + (i - 1) + " + l" + (i - 1))
                .collect(Collectors.joining("\n"));
        String memoryBomb = """
                threshold('memory-bomb') {
                    where {
                        def l0 = [1, 2, 3, 4, 5, 6, 7, 8]
                %s
                        l40.size() > 0
                    }
                    fireWhen { count > 0 }
                }
                """.formatted(doublings);
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEALTHY + memoryBomb), OPTIONS);

        for (int second = 1; second <= 5; second++) {
            driver.feed(log(at(second), "a", Level.ERROR, "boom"));
        }

        assertThat(driver.engine().ruleErrors("memory-bomb")).isEqualTo(3);
    }

    @Test
    void shouldSwitchOffARuleThatFailsOnEveryEventAndKeepTheOthersRunning() {
        String failing = """
                threshold('always-fails') {
                    where { message.length() > 0 }
                    fireWhen { count > 0 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(HEALTHY + failing), OPTIONS);

        for (int i = 0; i < 1_500; i++) {
            driver.feed(log(at(1) + i * 1_000_000L, "a", Level.ERROR, null));
        }
        driver.idleFor(Duration.ofSeconds(10));

        assertThat(driver.engine().ruleErrors("always-fails")).isEqualTo(1_000);
        assertThat(driver.findings()).extracting(Finding::ruleName).containsOnly("service-errors").isNotEmpty();
    }

    @Test
    void shouldGiveEveryEvaluationItsOwnBudget() {
        // 1,000 steps per event: far under the budget each time, far over it summed over the events.
        String busy = """
                threshold('busy-but-fine') {
                    where {
                        def l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                        l.collect { a -> l.collect { b -> l.collect { c -> c } } }.size() == 10
                    }
                    window tumbling(5.seconds)
                    fireWhen { count >= 200 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(busy), OPTIONS);

        for (int i = 0; i < 300; i++) {
            driver.feed(log(at(1) + i * 1_000_000L, "a", Level.INFO, "ok"));
        }
        driver.idleFor(Duration.ofSeconds(20));

        assertThat(driver.engine().ruleErrors("busy-but-fine")).isZero();
        assertThat(driver.findings()).extracting(Finding::ruleName, Finding::firing)
                .first().isEqualTo(tuple("busy-but-fine", true));
    }
}

package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.T0;
import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String SERVICE_ERRORS = """
            threshold('service-errors') {
                window sliding(10.seconds, 5.seconds)
                fireWhen { errors >= 3 }
                labels team: 'sre'
            }
            """;

    @Test
    void shouldFireOnceAndResolveOncePerKey() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SERVICE_ERRORS), OPTIONS);
        for (int second = 1; second <= 40; second++) {
            driver.feed(log(second, "a", second <= 3 ? Level.ERROR : Level.INFO, "a" + second));
            driver.feed(log(second + 0.5, "b", second >= 21 && second <= 23 ? Level.ERROR : Level.INFO, "b" + second));
        }

        // a: errors at 1-3 s, in the windows ending at 5 s and 10 s, gone from the one ending at 15 s.
        // b: errors at 21.5-23.5 s, in the windows ending at 25 s and 30 s, gone from the one ending at 35 s.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(
                        tuple("a", true, at(5)),
                        tuple("a", false, at(15)),
                        tuple("b", true, at(25)),
                        tuple("b", false, at(35)));
        assertThat(driver.rounds()).allSatisfy(round -> assertThat(round).hasSize(1));
    }

    @Test
    void shouldDescribeWhatFired() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SERVICE_ERRORS), OPTIONS);
        for (int second = 1; second <= 6; second++) {
            driver.feed(log(second, "a", second <= 3 ? Level.ERROR : Level.INFO, "message " + second)
                    .withTrace("trace-" + second));
        }

        Finding fired = driver.findings().get(0);

        assertThat(fired.ruleName()).isEqualTo("service-errors");
        assertThat(fired.kind()).isEqualTo(FindingKind.THRESHOLD);
        assertThat(fired.firing()).isTrue();
        assertThat(fired.severity()).isEqualTo(Severity.WARNING);
        assertThat(fired.labels()).isEqualTo(Map.of("alertname", "service-errors", "service", "a", "team", "sre"));
        assertThat(fired.windowStartNanos()).isEqualTo(at(-5));
        assertThat(fired.windowEndNanos()).isEqualTo(at(5));
        // The window [-5 s, 5 s) holds the events at 1, 2, 3 (errors) and 4 s.
        assertThat(fired.values()).containsEntry("count", 4.0).containsEntry("errors", 3.0)
                .containsEntry("warnings", 0.0).containsEntry("errorRatio", 0.75);
        assertThat(fired.condition()).isEqualTo("errors >= 3");
        assertThat(fired.evidence().sampleMessages()).containsExactly("message 3", "message 2", "message 1");
        assertThat(fired.evidence().traceIds()).containsExactly("trace-3", "trace-2", "trace-1");
        assertThat(fired.cascade()).isNull();
    }

    @Test
    void shouldGroupByWhatTheRuleSaysAndLabelTheKey() {
        String rules = """
                threshold('failed-logins') {
                    where { message == 'auth failed' }
                    by { attr('client') }
                    window tumbling(10.seconds)
                    fireWhen { count >= 2 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(rules), OPTIONS);
        driver.feed(log(1, "sshd", Level.INFO, "auth failed").withAttr("client", "10.0.0.7"));
        driver.feed(log(2, "sshd", Level.INFO, "auth failed").withAttr("client", "10.0.0.7"));
        driver.feed(log(3, "sshd", Level.INFO, "auth failed").withAttr("client", "10.0.0.8"));
        driver.feed(log(4, "sshd", Level.INFO, "auth ok").withAttr("client", "10.0.0.8"));
        driver.feed(log(12, "sshd", Level.INFO, "tick"));

        assertThat(driver.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("10.0.0.7");
            assertThat(finding.labels()).containsEntry("key", "10.0.0.7").doesNotContainKey("service");
        });
    }

    @Test
    void shouldCountLateEventsAndStillCountThemWhileTheirWindowIsOpen() {
        String rules = """
                threshold('errors') {
                    window sliding(10.seconds, 5.seconds)
                    fireWhen { errors >= 2 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(rules), OPTIONS);
        driver.feed(log(8, "a", Level.ERROR, "on time"));
        driver.feed(log(10, "a", Level.INFO, "moves the watermark to 9 s"));
        driver.feed(log(8.5, "a", Level.ERROR, "late, but its window [0 s, 10 s) is still open"));
        driver.feed(log(12, "a", Level.INFO, "moves the watermark to 11 s: the window ending at 10 s closes"));
        driver.feed(log(4, "a", Level.ERROR, "too late: no window still to come covers 4 s"));

        assertThat(driver.engine().lateEvents()).isEqualTo(2);
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
        assertThat(driver.findings()).extracting(Finding::firing, Finding::atNanos).containsExactly(tuple(true, at(10)));
    }

    @Test
    void shouldResolveAFiringThresholdWhenInputStops() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SERVICE_ERRORS), OPTIONS);
        for (int second = 1; second <= 3; second++) {
            driver.feed(log(second, "a", Level.ERROR, "boom"));
        }
        // The tick at 0.25 s sees the events; from the tick at 3.25 s on, input is idle and every tick moves
        // the watermark (2 s after the last event) by 250 ms: it reaches 5 s at the tick at 6 s, 15 s at 16 s.
        driver.idleFor(Duration.ofMillis(5750));
        assertThat(driver.findings()).as("watermark at 4.75 s").isEmpty();
        driver.idleFor(Duration.ofMillis(250));
        assertThat(driver.findings()).extracting(Finding::firing, Finding::atNanos).containsExactly(tuple(true, at(5)));
        driver.idleFor(Duration.ofSeconds(10));
        assertThat(driver.findings()).extracting(Finding::firing, Finding::atNanos)
                .containsExactly(tuple(true, at(5)), tuple(false, at(15)));
        assertThat(driver.engine().watermarkNanos()).isGreaterThanOrEqualTo(at(15));
    }

    @Test
    void shouldCountARuleThatThrowsWithoutDisturbingTheOthers() {
        String rules = SERVICE_ERRORS + """
                threshold('broken') {
                    where { message.length() > 0 }
                    fireWhen { count > 0 }
                }
                """;
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(rules), OPTIONS);
        for (int second = 1; second <= 6; second++) {
            driver.feed(log(second, "a", Level.ERROR, null));
        }

        assertThat(driver.engine().ruleErrors("broken")).isEqualTo(6);
        assertThat(driver.engine().ruleErrors("service-errors")).isZero();
        assertThat(driver.findings()).extracting(Finding::ruleName).containsExactly("service-errors");
    }

    @Test
    void shouldResolveAFiringKeyThatIsEvictedForANewOne() {
        EngineOptions oneKey = OPTIONS.withMaxKeysPerRule(1);
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SERVICE_ERRORS), oneKey);
        for (int second = 1; second <= 6; second++) {
            driver.feed(log(second, "a", Level.ERROR, "a fails"));
        }
        driver.feed(log(7, "b", Level.INFO, "b takes the only slot"));
        driver.feed(log(11, "b", Level.INFO, "b again"));

        assertThat(driver.engine().keysEvicted()).isEqualTo(1);
        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("a", true, at(5)), tuple("a", false, at(10)));
    }

    @Test
    void shouldNotCountEventsWithoutAnyTime() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(SERVICE_ERRORS), OPTIONS);

        driver.feed(new SyntheticEvent(0, "a", Level.ERROR, "no time", null, null, null, null, Map.of()));

        assertThat(driver.engine().eventsSeen()).isEqualTo(1);
        assertThat(driver.engine().eventsWithoutTime()).isEqualTo(1);
        assertThat(driver.engine().watermarkNanos()).isZero();
        assertThat(T0).isPositive();
    }

    private static SyntheticEvent log(double second, String service, Level level, String message) {
        return SyntheticEvent.log(at(second), service, level, message);
    }
}

package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.event.MetricSample;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Onset;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * gateway → checkout → payments → payments-db, two requests a second. A broken service fails its requests
 * and every caller on the way fails them too, in the same traces.
 */
class CascadeDetectionTest {
    private static final List<String> CALL_PATH = List.of("gateway", "checkout", "payments", "payments-db");
    private static final String RULES = """
            threshold('service-errors') {
                window sliding(10.seconds, 1.second)
                fireWhen { errors >= 5 && errorRatio > 0.2 }
            }
            cascade('service-cascade') {
                within 2.minutes
                window sliding(10.seconds, 1.second)
                unhealthyWhen { errors >= 5 && errorRatio > 0.2 }
                severity CRITICAL
            }
            metric('db-pool-saturated') {
                name 'db_pool_in_use'
                window sliding(5.seconds, 1.second)
                fireWhen { max > 45 }
            }
            """;

    private final VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(RULES), EngineOptions.defaults()
            .withAllowedLatenessNanos(Duration.ofSeconds(1).toNanos()));

    @Test
    void shouldReportOneCascadeNamingTheRootAndThenOneResolve() {
        traffic(0, 30, Set.of());
        traffic(30, 60, Set.of("payments-db"));
        traffic(60, 100, Set.of());

        // Each service logs 2 events a second; the window ending at 33 s is the first with 6 errors of 20
        // (ratio 0.3). Healed at 60 s, the window ending at 68 s is the first with fewer than 5 errors.
        List<Finding> cascades = cascadeFindings();
        assertThat(cascades).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("payments-db", true, at(33)), tuple("payments-db", false, at(68)));
        Finding fired = cascades.get(0);
        assertThat(fired.kind()).isEqualTo(FindingKind.CASCADE);
        assertThat(fired.labels()).containsEntry("alertname", "service-cascade").containsEntry("service", "payments-db");
        assertThat(fired.cascade().rootService()).isEqualTo("payments-db");
        assertThat(fired.cascade().affectedServices()).containsExactly("payments", "checkout", "gateway");
        assertThat(fired.cascade().timeline()).containsExactly(new Onset("payments-db", at(33)),
                new Onset("payments", at(33)), new Onset("checkout", at(33)), new Onset("gateway", at(33)));
        assertThat(fired.values()).containsEntry("errors", 6.0).containsEntry("count", 20.0).containsEntry("affected", 3.0);
        assertThat(fired.evidence().sampleMessages()).first().asString().startsWith("payments-db");
        assertThat(fired.evidence().traceIds()).hasSize(5).allSatisfy(id -> assertThat(id).startsWith("trace-"));
    }

    @Test
    void shouldDeliverTheCascadeBeforeThePerServiceFindingsOfTheSameStep() {
        traffic(0, 30, Set.of());
        traffic(30, 40, Set.of("payments-db"));

        List<Finding> round = driver.rounds().stream()
                .filter(findings -> findings.stream().anyMatch(Finding::isCascade))
                .findFirst().orElseThrow();

        assertThat(round).extracting(Finding::ruleName, Finding::key).containsExactly(
                tuple("service-cascade", "payments-db"),
                tuple("service-errors", "checkout"),
                tuple("service-errors", "gateway"),
                tuple("service-errors", "payments"),
                tuple("service-errors", "payments-db"));
    }

    @Test
    void shouldReportNoCascadeForAServiceUnhealthyAmongHealthyNeighbours() {
        traffic(0, 30, Set.of());
        traffic(30, 60, Set.of("checkout-alone"));
        traffic(60, 80, Set.of());

        assertThat(cascadeFindings()).isEmpty();
        assertThat(driver.findings()).extracting(Finding::ruleName, Finding::key, Finding::firing).containsExactly(
                tuple("service-errors", "checkout", true), tuple("service-errors", "checkout", false));
    }

    @Test
    void shouldFinishAFiringCascadeWhenInputStops() {
        traffic(0, 30, Set.of());
        traffic(30, 40, Set.of("payments-db"));

        driver.idleFor(Duration.ofSeconds(20));

        assertThat(cascadeFindings()).extracting(Finding::firing).containsExactly(true, false);
        assertThat(driver.engine().openTraces()).isZero();
    }

    @Test
    void shouldNameTheMetricRulesFiringForTheCascadesServicesWhenItFires() {
        traffic(0, 30, Set.of(), second -> poolInUse(second, second >= 28 ? 48 : 10));
        traffic(30, 60, Set.of("payments-db"), second -> poolInUse(second, 48));
        traffic(60, 100, Set.of(), second -> poolInUse(second, 10));

        Finding fired = cascadeFindings().get(0);

        // The pool ran at 48 of 50 from 28 s; the cascade fired at 33 s, while the pool rule fired too.
        assertThat(fired.cascade().metricAnomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.service()).isEqualTo("payments-db");
            assertThat(anomaly.rule()).isEqualTo("db-pool-saturated");
            assertThat(anomaly.condition()).isEqualTo("db_pool_in_use: max > 45");
            assertThat(anomaly.samples()).singleElement().asString().contains("db_pool_in_use", "48");
            assertThat(anomaly.describe()).startsWith("payments-db: db-pool-saturated (db_pool_in_use: max > 45): db_pool_in_use");
        });
        assertThat(driver.findings()).filteredOn(f -> f.ruleName().equals("db-pool-saturated") && f.firing())
                .singleElement().satisfies(f -> assertThat(f.atNanos()).isLessThanOrEqualTo(fired.atNanos()));
    }

    @Test
    void shouldCarryNoMetricAnomaliesWhenNoMetricRuleFires() {
        traffic(0, 30, Set.of(), second -> poolInUse(second, 10));
        traffic(30, 60, Set.of("payments-db"), second -> poolInUse(second, 10));

        assertThat(cascadeFindings().get(0).cascade().metricAnomalies()).isEmpty();
    }

    @Test
    void shouldFindTheRootThroughDeclaredCallsWhenNoTraceShowsThem() {
        VirtualTimeDriver declared = new VirtualTimeDriver(RuleText.compile("""
                cascade('declared') {
                    window sliding(10.seconds, 1.second)
                    unhealthyWhen { errors >= 5 && errorRatio > 0.2 }
                    calls 'gateway', 'checkout'
                    calls 'checkout', 'payments', 'search'
                    calls 'payments', 'payments-db'
                }
                """), EngineOptions.defaults().withAllowedLatenessNanos(Duration.ofSeconds(1).toNanos()));
        for (int second = 0; second < 60; second++) {
            for (String service : List.of("payments-db", "payments", "checkout", "gateway", "search")) {
                boolean failing = second >= 30 && !service.equals("search");
                // No trace ids: without the declared calls nothing links these services.
                declared.feed(SyntheticEvent.log(at(second + 0.5), service, failing ? Level.ERROR : Level.INFO,
                        service + (failing ? " failed" : " served")));
            }
        }

        Finding fired = declared.findings().stream().filter(Finding::isCascade).findFirst().orElseThrow();

        assertThat(fired.cascade().rootService()).isEqualTo("payments-db");
        assertThat(fired.cascade().affectedServices()).containsExactlyInAnyOrder("payments", "checkout", "gateway");
        assertThat(declared.engine().dependencyGraph().edges()).hasSize(4);
    }

    @Test
    void shouldRefuseADeclaredCallWithoutACalleeOrToItself() {
        assertThatThrownBy(() -> RuleText.compile("""
                cascade('bad') {
                    unhealthyWhen { errors >= 5 }
                    calls 'checkout', 'checkout'
                }
                """)).hasMessageContaining("a callee must be another service");
    }

    private void poolInUse(int second, double inUse) {
        driver.feed(SyntheticEvent.log(at(second + 0.9), "payments-db", null, "db_pool_in_use").withKind(EventKind.METRIC)
                .withAttr(MetricSample.VALUE_ATTR, Double.toString(inUse))
                .withAttr(MetricSample.TYPE_ATTR, "gauge"));
    }

    private List<Finding> cascadeFindings() {
        return driver.findings().stream().filter(Finding::isCascade).toList();
    }

    /**
     * Two requests a second from {@code fromSecond} to before {@code toSecond}. {@code broken} names the
     * failing service; "checkout-alone" makes checkout log errors while its callers and callees stay fine.
     */
    private void traffic(int fromSecond, int toSecond, Set<String> broken) {
        traffic(fromSecond, toSecond, broken, second -> { });
    }

    /** As {@link #traffic(int, int, Set)}, calling {@code eachSecond} after each second's requests. */
    private void traffic(int fromSecond, int toSecond, Set<String> broken, IntConsumer eachSecond) {
        for (int second = fromSecond; second < toSecond; second++) {
            for (int request = 0; request < 2; request++) {
                String trace = "trace-" + second + "-" + request;
                double start = second + request * 0.5;
                boolean failing = false;
                for (int depth = CALL_PATH.size() - 1; depth >= 0; depth--) {
                    String service = CALL_PATH.get(depth);
                    failing |= broken.contains(service);
                    boolean fails = failing || broken.contains(service + "-alone");
                    String parent = depth == 0 ? null : "span-" + CALL_PATH.get(depth - 1) + "-" + trace;
                    driver.feed(SyntheticEvent.log(at(start + 0.01 * (CALL_PATH.size() - depth)), service,
                                    fails ? Level.ERROR : Level.INFO,
                                    service + (fails ? " failed request " : " served request ") + trace)
                            .withTrace(trace)
                            .withSpan("span-" + service + "-" + trace, parent));
                }
            }
            eachSecond.accept(second);
        }
    }
}

package io.seismo.daemon.correlate;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.seismo.daemon.checkpoint.DurabilityMetrics;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.engine.EvaluationPacing;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EngineCorrelatorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_700_000_000L * SECOND;
    private static final String FOUR_ERRORS = """
            threshold('four-errors') {
                window tumbling(60.seconds)
                fireWhen { errors >= 4 }
            }
            """;

    private final DaemonMetrics metrics = new DaemonMetrics();
    private final CounterDataPoint restoreFailures = new DurabilityMetrics(metrics.registry(), Clock.systemUTC()).reloadStateRestoreFailures;
    private final List<Finding> findings = new CopyOnWriteArrayList<>();
    private final EngineListener listener = new EngineListener() {
        @Override
        public void onFindings(List<Finding> round) {
            findings.addAll(round);
        }

        @Override
        public void onTraceClosed(TraceSummary trace) {
        }
    };

    @Test
    void shouldKeepTheWindowOfAnUnchangedRuleAcrossAReload() throws Exception {
        assumeTrue(snapshotsWork(), "the installed seismo-rules cannot snapshot its engine yet");
        EngineCorrelator correlator = new EngineCorrelator(engine(), metrics, restoreFailures);
        error(correlator, START + SECOND);
        error(correlator, START + 2 * SECOND);

        correlator.replace(engine());
        error(correlator, START + 3 * SECOND);
        error(correlator, START + 4 * SECOND);
        error(correlator, START + 200 * SECOND); // moves the watermark past the first window

        assertThat(findings).extracting(Finding::ruleName).contains("four-errors");
        assertThat(restoreFailures.get()).isZero();
    }

    @Test
    void shouldSwapInTheNewEngineEmptyAndCountWhenTheStateCannotBeCarried() throws Exception {
        EngineCorrelator correlator = new EngineCorrelator(engine(), metrics, restoreFailures);
        error(correlator, START + SECOND);
        CorrelationEngine used = engine();
        used.onEvent(errorAt("checkout", START)); // an engine that has taken an event refuses state

        correlator.replace(used);
        error(correlator, START + 2 * SECOND);

        assertThat(restoreFailures.get()).isEqualTo(1);
        assertThat(used.eventsSeen()).isEqualTo(2);
    }

    @Test
    void shouldExportEachRulesTimeAndCountOnAfterAReload() throws Exception {
        EngineCorrelator correlator = new EngineCorrelator(engine(), metrics, restoreFailures);
        for (int i = 0; i < 10_000; i++) {
            error(correlator, START + i * 10_000_000L);
        }
        correlator.onTick(System.nanoTime());
        double afterFirst = metrics.ruleMetrics.evaluationSeconds("four-errors").get();

        correlator.replace(engine());
        for (int i = 0; i < 10_000; i++) {
            error(correlator, START + 200 * SECOND + i * 10_000_000L);
        }
        correlator.onTick(System.nanoTime());

        assertThat(afterFirst).isPositive();
        assertThat(metrics.ruleMetrics.evaluationSeconds("four-errors").get()).isGreaterThan(afterFirst);
        assertThat(metrics.ruleMetrics.evaluationErrors("four-errors").get()).isZero();
    }

    @Test
    void shouldLeaveMostKeysOfABoundaryForDeferredWorkAndDoThemWhenAsked() throws Exception {
        EngineCorrelator correlator = new EngineCorrelator(engineInSlicesOfOne(), metrics, restoreFailures);
        fourErrorsEachFromThreeServices(correlator);

        error(correlator, "checkout", START + 45 * SECOND); // the watermark passes the window's end, START + 40 s

        assertThat(findings).as("one key at the boundary").hasSize(1);
        assertThat(correlator.hasDeferredWork()).isTrue();
        correlator.doDeferredWork(Long.MAX_VALUE);
        assertThat(findings).extracting(Finding::key).containsExactlyInAnyOrder("checkout", "payments", "search");
        assertThat(correlator.hasDeferredWork()).isFalse();
    }

    @Test
    void shouldCompleteADeferredEvaluationBeforeAReloadTakesTheState() throws Exception {
        EngineCorrelator correlator = new EngineCorrelator(engineInSlicesOfOne(), metrics, restoreFailures);
        fourErrorsEachFromThreeServices(correlator);
        error(correlator, "checkout", START + 45 * SECOND);
        assertThat(correlator.hasDeferredWork()).isTrue();

        correlator.replace(engineInSlicesOfOne());
        error(correlator, "checkout", START + 46 * SECOND);

        assertThat(findings).as("no finding of the old engine lost in the swap").extracting(Finding::key)
                .containsExactlyInAnyOrder("checkout", "payments", "search");
        assertThat(correlator.hasDeferredWork()).isFalse();
        assertThat(restoreFailures.get()).isZero();
    }

    private void fourErrorsEachFromThreeServices(EngineCorrelator correlator) {
        for (int i = 1; i <= 4; i++) {
            for (String service : List.of("checkout", "payments", "search")) {
                error(correlator, service, START + i * SECOND);
            }
        }
    }

    private CorrelationEngine engine() throws Exception {
        return new CorrelationEngine(RuleSet.compile(List.of(new RuleSource("four.groovy", FOUR_ERRORS))),
                EngineOptions.defaults(), listener);
    }

    private CorrelationEngine engineInSlicesOfOne() throws Exception {
        return new CorrelationEngine(RuleSet.compile(List.of(new RuleSource("four.groovy", FOUR_ERRORS))),
                EngineOptions.defaults(), listener, EvaluationPacing.inSlices(1));
    }

    private static void error(EngineCorrelator correlator, long eventNanos) {
        error(correlator, "checkout", eventNanos);
    }

    private static void error(EngineCorrelator correlator, String service, long eventNanos) {
        correlator.onEvent(errorAt(service, eventNanos));
    }

    private static Event errorAt(String service, long eventNanos) {
        Event event = new Event();
        event.setService(service);
        event.setLevel(Level.ERROR);
        event.setMessage("boom");
        event.setEventTimeNanos(eventNanos);
        event.setReceiveTimeNanos(eventNanos);
        return event;
    }

    private boolean snapshotsWork() throws Exception {
        try {
            engine().snapshot();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}

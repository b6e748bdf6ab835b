package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.engine.RandomTraffic.Step;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.RecordingListener;
import io.seismo.rules.testing.SyntheticEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threshold rules that count the same events by the same key over the same window share one detector: each
 * rule still reports exactly what it reports alone, and the windows outlive a reload that edits, adds or
 * removes such rules.
 */
class SharedWindowsTest {
    /** Three conditions over one window: one that holds often, one seldom, one that throws when errors are odd. */
    static final String SHARED = """
            threshold('errors-warning') {
                where { level >= WARN }
                window sliding(20.seconds, 2.seconds)
                fireWhen { errors >= 3 }
            }
            threshold('errors-critical') {
                where { level >= WARN }
                window sliding(20.seconds, 2.seconds)
                fireWhen { errors >= 8 && errorRatio > 0.6 }
                severity CRITICAL
            }
            threshold('errors-odd') {
                where { level >= WARN }
                window sliding(20.seconds, 2.seconds)
                fireWhen { errors % 2 == 1 ? errors / (count - count) >= 1 : errors >= 4 }
            }
            """;

    private final Event holder = new Event();

    @Test
    void shouldShareWindowsOnlyBetweenRulesThatCountTheSameEventsTheSameWay() {
        CorrelationEngine engine = new CorrelationEngine(RuleText.compile(SHARED + """
                threshold('other-where') { where { level >= ERROR }; window sliding(20.seconds, 2.seconds); fireWhen { errors >= 3 } }
                threshold('other-window') { where { level >= WARN }; window sliding(20.seconds, 4.seconds); fireWhen { errors >= 3 } }
                threshold('other-key') { where { level >= WARN }; by { host }; window sliding(20.seconds, 2.seconds); fireWhen { errors >= 3 } }
                threshold('dropping') { where { level >= WARN }; window sliding(20.seconds, 2.seconds); fireWhen { errors >= 3 }; late DROP }
                threshold('dropping-too') { where { level >= WARN }; window sliding(20.seconds, 2.seconds); fireWhen { errors >= 4 }; late DROP }
                def service = 'api'
                threshold('captured') { where { service == 'api' }; window sliding(20.seconds, 2.seconds); fireWhen { errors >= 3 } }
                threshold('captured-too') { where { service == 'api' }; window sliding(20.seconds, 2.seconds); fireWhen { errors >= 4 } }
                threshold('by-service') { window sliding(20.seconds, 2.seconds); fireWhen { errors >= 3 } }
                threshold('by-service-too') { window sliding(20.seconds, 2.seconds); fireWhen { count >= 100 } }
                """), EngineOptions.defaults(), new RecordingListener());

        // A captured variable (here one that hides the event's service) may differ from rule to rule, whatever
        // the text says.
        assertThat(engine.windowSharing()).containsExactly(
                List.of("errors-warning", "errors-critical", "errors-odd"),
                List.of("dropping", "dropping-too"),
                List.of("by-service", "by-service-too"));
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of(21L, EngineOptions.defaults(), EvaluationPacing.AT_ONCE),
                Arguments.of(22L, SnapshotEquivalenceTest.tightBounds(), EvaluationPacing.AT_ONCE),
                Arguments.of(23L, SnapshotEquivalenceTest.tightBounds(), EvaluationPacing.inSlices(1)));
    }

    @ParameterizedTest(name = "seed {0}, {1}, {2}")
    @MethodSource("runs")
    void shouldReportForEachRuleExactlyWhatItReportsAlone(long seed, EngineOptions options, EvaluationPacing pacing) {
        List<Step> steps = RandomTraffic.generate(seed, 240);
        Replay shared = new Replay(RuleText.compile(SHARED), options, pacing).feed(steps, 0, steps.size());
        assertThat(shared.engine().windowSharing()).hasSize(1);
        assertThat(shared.engine().keysEvicted() > 0).isEqualTo(options.maxKeysPerRule() < 10);

        List<RuleCost> sharedCosts = shared.engine().ruleCosts();
        for (String rule : List.of("errors-warning", "errors-critical", "errors-odd")) {
            Replay alone = new Replay(RuleText.compile(ruleNamed(rule)), options, pacing).feed(steps, 0, steps.size());
            assertThat(alone.engine().windowSharing()).isEmpty();
            List<Finding> findings = alone.findingsFrom(0);
            assertThat(findings).as(rule + " fires and resolves").anyMatch(Finding::firing).anyMatch(f -> !f.firing());
            assertThat(shared.findingsFrom(0)).filteredOn(finding -> finding.ruleName().equals(rule))
                    .as("the findings of " + rule).isEqualTo(findings);
            RuleCost cost = sharedCosts.stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
            RuleCost aloneCost = alone.engine().ruleCosts().get(0);
            assertThat(List.of(cost.errors(), cost.lateCounted(), cost.lateDropped())).as("the counts of " + rule)
                    .isEqualTo(List.of(aloneCost.errors(), aloneCost.lateCounted(), aloneCost.lateDropped()));
            assertThat(shared.engine().ruleErrors(rule)).isEqualTo(alone.engine().ruleErrors());
            assertThat(shared.engine().keysEvicted()).isEqualTo(3 * alone.engine().keysEvicted());
            assertThat(shared.engine().eventsTooLateForWindows()).isEqualTo(3 * alone.engine().eventsTooLateForWindows());
        }
        assertThat(shared.engine().ruleErrors("errors-odd")).isPositive();
        assertThat(shared.engine().ruleErrors("errors-warning")).isZero();
    }

    @Test
    void shouldKeepTheWindowsAndTheUnchangedRulesConditionsAcrossAReload() {
        String before = """
                threshold('warning') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
                threshold('critical') { window sliding(10.seconds, 1.second); fireWhen { errors >= 10 } }
                threshold('removed') { window sliding(10.seconds, 1.second); fireWhen { errors >= 1 } }
                """;
        // 'added' comes first now; 'critical' has a new condition.
        String after = """
                threshold('added') { window sliding(10.seconds, 1.second); fireWhen { errors >= 2 } }
                threshold('warning') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
                threshold('critical') { window sliding(10.seconds, 1.second); fireWhen { errors >= 12 } }
                """;
        Reload reload = reload(before, after);
        assertThat(reload.before()).extracting(Finding::ruleName, Finding::key, Finding::firing)
                .containsExactlyInAnyOrder(tuple("warning", "api", true), tuple("critical", "api", true),
                        tuple("removed", "api", true));

        // 'warning' knew it fired and resolves; 'critical' and 'added' forgot any condition but kept the counts,
        // so they fire at once on the errors counted before the reload, and resolve as those leave the window.
        assertThat(reload.after()).extracting(Finding::ruleName, Finding::key, Finding::firing)
                .containsExactlyInAnyOrder(tuple("warning", "api", false), tuple("critical", "api", true),
                        tuple("critical", "api", false), tuple("added", "api", true), tuple("added", "api", false));
        assertThat(reload.sharing()).containsExactly(List.of("added", "warning", "critical"));
    }

    @Test
    void shouldKeepARulesWindowsWhenAnotherRuleStartsSharingThem() {
        // Also what a snapshot of a build before sharing meets: each rule saved alone.
        List<Finding> findings = reload("""
                threshold('warning') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
                """, """
                threshold('critical') { window sliding(10.seconds, 1.second); fireWhen { errors >= 12 } }
                threshold('warning') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
                """).after();

        // 'warning' (second of the two now) knew it fired and resolves; 'critical' fires at once on the errors counted before, and resolves.
        assertThat(findings).extracting(Finding::ruleName, Finding::key, Finding::firing)
                .containsExactlyInAnyOrder(tuple("warning", "api", false), tuple("critical", "api", true),
                        tuple("critical", "api", false));
    }

    @Test
    void shouldKeepTheWindowsOfTheRuleLeftAloneWhenTheOthersGo() {
        List<Finding> findings = reload("""
                threshold('warning') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
                threshold('critical') { window sliding(10.seconds, 1.second); fireWhen { errors >= 10 } }
                """, """
                threshold('warning') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
                """).after();

        assertThat(findings).extracting(Finding::ruleName, Finding::key, Finding::firing)
                .containsExactly(tuple("warning", "api", false));
    }

    /** The findings before and after a reload, and which rules share windows after it. */
    private record Reload(List<Finding> before, List<Finding> after, List<List<String>> sharing) {
    }

    /** 20 s of api errors with {@code before}, then a reload to {@code after} and 20 s of api requests. */
    private Reload reload(String before, String after) {
        RecordingListener beforeFindings = new RecordingListener();
        CorrelationEngine running = new CorrelationEngine(RuleText.compile(before), EngineOptions.defaults(), beforeFindings);
        for (int tenth = 0; tenth < 200; tenth++) {
            feed(running, SyntheticEvent.log(at(tenth / 10.0), "api", Level.ERROR, "api failed"));
        }
        RecordingListener afterFindings = new RecordingListener();
        CorrelationEngine reloaded = new CorrelationEngine(RuleText.compile(after), EngineOptions.defaults(), afterFindings);
        reloaded.restore(running.snapshot());
        for (int tenth = 200; tenth < 400; tenth++) {
            feed(reloaded, SyntheticEvent.log(at(tenth / 10.0), "api", Level.INFO, "request"));
        }
        return new Reload(beforeFindings.findings(), afterFindings.findings(), reloaded.windowSharing());
    }

    private static String ruleNamed(String name) {
        int start = SHARED.indexOf("threshold('" + name + "')");
        int end = SHARED.indexOf("threshold(", start + 1);
        return SHARED.substring(start, end < 0 ? SHARED.length() : end);
    }

    private void feed(CorrelationEngine engine, SyntheticEvent event) {
        event.writeTo(holder);
        engine.onEvent(holder);
        holder.reset();
    }
}

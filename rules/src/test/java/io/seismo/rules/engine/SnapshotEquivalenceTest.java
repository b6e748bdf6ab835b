package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.engine.RandomTraffic.Step;
import io.seismo.rules.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of a checkpoint: an engine restored from a snapshot taken at any point, fed the rest of the
 * input, reports exactly what the engine that never stopped reports after that point.
 *
 * <p>Cuts are taken right after an event, as a checkpoint barrier follows input in the ring. The idle clock
 * is processing time and deliberately not saved; after an event it is reset at the next tick anyway, so the
 * restored engine, whose clock starts at that tick, cannot tell the difference.
 */
class SnapshotEquivalenceTest {
    private static final int SECONDS_OF_TRAFFIC = 240;
    private static final String TRACE_RULE = """
            threshold('trace-errors') {
                by { traceId }
                window tumbling(5.seconds)
                fireWhen { errors >= 1 }
            }
            """;

    /** Sessions of errors per service: they end, fire, resolve and are evicted all through the random traffic. */
    private static final String SESSION_RULE = """
            session('error-sessions') {
                where { level >= ERROR }
                gap 2.seconds
                fireWhen { count >= 2 }
            }
            """;

    /** Closed traces with an error, per entry service: fed by trace assembly, so it must restore in step with it. */
    private static final String TRACES_RULE = """
            traces('failed-traces') {
                where { !errorServices.isEmpty() }
                window tumbling(10.seconds)
                fireWhen { count >= 1 }
            }
            """;

    /** Bounds small enough that keys, traces and edges are evicted all the time, firing keys included. */
    static EngineOptions tightBounds() {
        return EngineOptions.defaults().withMaxOpenTraces(40).withMaxKeysPerRule(5)
                .withMaxGraphEdges(4).withMaxSpansPerTrace(3).withEvidence(2, 1);
    }

    static Stream<Arguments> streams() {
        EngineOptions roomy = EngineOptions.defaults();
        EngineOptions tight = tightBounds();
        return Stream.of(
                Arguments.of(11L, roomy, false),
                Arguments.of(12L, roomy, false),
                Arguments.of(13L, tight, true),
                Arguments.of(14L, tight, true));
    }

    @ParameterizedTest(name = "seed {0}, tight bounds {2}")
    @MethodSource("streams")
    void shouldReportAfterARestoreExactlyWhatTheUninterruptedEngineReports(long seed, EngineOptions options,
                                                                          boolean tight) throws Exception {
        RuleSet rules = exampleRules();
        List<Step> steps = RandomTraffic.generate(seed, SECONDS_OF_TRAFFIC);
        Replay reference = new Replay(rules, options).feed(steps, 0, steps.size());
        assertTheStreamExercisesWhatASnapshotHolds(reference, tight);

        Map<Integer, byte[]> snapshots = new LinkedHashMap<>();
        Replay interrupted = new Replay(rules, options);
        int done = 0;
        for (int cut : cutPoints(steps, reference, new Random(seed))) {
            interrupted.feed(steps, done, cut);
            snapshots.put(cut, interrupted.engine().snapshot().toBytes());
            done = cut;
        }
        interrupted.feed(steps, done, steps.size());
        assertThat(interrupted.findingsFrom(0)).as("taking snapshots changes nothing")
                .isEqualTo(reference.findingsFrom(0));

        for (Map.Entry<Integer, byte[]> snapshot : snapshots.entrySet()) {
            int cut = snapshot.getKey();
            Replay restored = new Replay(rules, options);
            restored.engine().restore(EngineSnapshot.fromBytes(snapshot.getValue()));
            restored.feed(steps, cut, steps.size());

            assertThat(restored.findingsFrom(cut)).as("findings after a restore at step %d", cut)
                    .isEqualTo(reference.findingsFrom(cut));
            assertThat(restored.tracesFrom(cut)).as("closed traces after a restore at step %d", cut)
                    .isEqualTo(reference.tracesFrom(cut));
            assertSameCounters(restored.engine(), reference.engine(), cut);
        }
    }

    private static void assertTheStreamExercisesWhatASnapshotHolds(Replay reference, boolean tight) {
        CorrelationEngine engine = reference.engine();
        List<Finding> findings = reference.findingsFrom(0);
        assertThat(findings).anyMatch(finding -> !finding.firing());
        assertThat(findings).anyMatch(finding -> finding.ruleName().equals("error-sessions") && !finding.firing());
        assertThat(findings).anyMatch(finding -> finding.ruleName().equals("failed-traces") && !finding.firing());
        assertThat(engine.lateEvents()).isPositive();
        assertThat(engine.eventsWithoutTime()).isPositive();
        if (tight) {
            assertThat(engine.tracesEvicted()).isPositive();
            assertThat(engine.keysEvicted()).isPositive();
            assertThat(engine.dependencyGraph().edgesEvicted()).isPositive();
        } else {
            assertThat(findings).anyMatch(Finding::isCascade); // the tight bounds keep too few services for one
        }
    }

    private static void assertSameCounters(CorrelationEngine restored, CorrelationEngine reference, int cut) {
        assertThat(List.of(restored.eventsSeen(), restored.lateEvents(), restored.eventsWithoutTime(),
                restored.futureEventTimes(), restored.tracesEvicted(), restored.keysEvicted(),
                restored.eventsTooLateForWindows(), restored.ruleErrors(), restored.dependencyGraph().edgesEvicted(),
                restored.watermarkNanos(), (long) restored.openTraces()))
                .as("counters at the end after a restore at step %d", cut)
                .isEqualTo(List.of(reference.eventsSeen(), reference.lateEvents(), reference.eventsWithoutTime(),
                        reference.futureEventTimes(), reference.tracesEvicted(), reference.keysEvicted(),
                        reference.eventsTooLateForWindows(), reference.ruleErrors(),
                        reference.dependencyGraph().edgesEvicted(), reference.watermarkNanos(),
                        (long) reference.openTraces()));
        assertThat(restored.dependencyGraph().edges()).isEqualTo(reference.dependencyGraph().edges());
    }

    /**
     * Right after the first and the last event, right after events that closed a window (a boundary just
     * passed), and at random events in between (traces are always half assembled somewhere).
     */
    private static List<Integer> cutPoints(List<Step> steps, Replay reference, Random random) {
        TreeSet<Integer> cuts = new TreeSet<>();
        List<Integer> afterEvents = new ArrayList<>();
        for (int step = 0; step < steps.size(); step++) {
            if (steps.get(step).isEvent()) {
                afterEvents.add(step + 1);
            }
        }
        cuts.add(afterEvents.get(0));
        cuts.add(afterEvents.get(afterEvents.size() - 1));
        List<Integer> afterBoundaries = reference.roundSteps().stream()
                .filter(step -> steps.get(step).isEvent()).map(step -> step + 1).distinct().toList();
        for (int i = 0; i < 6 && !afterBoundaries.isEmpty(); i++) {
            cuts.add(afterBoundaries.get(random.nextInt(afterBoundaries.size())));
        }
        while (cuts.size() < 16) {
            cuts.add(afterEvents.get(random.nextInt(afterEvents.size())));
        }
        return List.copyOf(cuts);
    }

    static RuleSet exampleRules() throws IOException, RuleLoadException {
        Path examples = RuleText.repositoryRoot().resolve("rules/examples");
        List<RuleSource> sources = new ArrayList<>();
        for (String file : List.of("threshold.groovy", "cascade.groovy")) {
            sources.add(new RuleSource(file, Files.readString(examples.resolve(file))));
        }
        sources.add(new RuleSource("trace.groovy", TRACE_RULE));
        sources.add(new RuleSource("session.groovy", SESSION_RULE));
        sources.add(new RuleSource("traces.groovy", TRACES_RULE));
        sources.add(new RuleSource("shared.groovy", SharedWindowsTest.SHARED)); // three rules, one detector
        return RuleSet.compile(sources);
    }
}

package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.RandomTraffic.Step;
import io.seismo.rules.finding.Finding;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boundaries evaluated in slices give the findings and the state of boundaries evaluated at once, however the
 * events in between touch, evict and re-create the keys not evaluated yet. Slices are a key or a few here, and
 * the host asks for them rarely, so that most evaluations are still under way when the next events arrive.
 */
class SlicedEvaluationTest {
    private static final int SECONDS_OF_TRAFFIC = 240;

    static Stream<Arguments> streams() {
        EngineOptions roomy = EngineOptions.defaults();
        EngineOptions tight = SnapshotEquivalenceTest.tightBounds();
        return Stream.of(Arguments.of(31L, roomy, 1), Arguments.of(32L, roomy, 3), Arguments.of(33L, tight, 1),
                Arguments.of(34L, tight, 2));
    }

    @ParameterizedTest(name = "seed {0}, {2} keys per rule at the boundary")
    @MethodSource("streams")
    void shouldFindWhatEvaluatingAtOnceFinds(long seed, EngineOptions options, int keysAtBoundary) throws Exception {
        RuleSet rules = SnapshotEquivalenceTest.exampleRules();
        List<Step> steps = RandomTraffic.generate(seed, SECONDS_OF_TRAFFIC);
        Replay atOnce = new Replay(rules, options);
        Replay sliced = new Replay(rules, options, EvaluationPacing.inSlices(keysAtBoundary));
        Random random = new Random(seed);

        int done = 0;
        int underWay = 0;
        int snapshotsCompared = 0;
        int nextSnapshot = 3_000;
        while (done < steps.size()) {
            int next = Math.min(steps.size(), done + 1 + random.nextInt(30));
            atOnce.feed(steps, done, next);
            sliced.feed(steps, done, next);
            done = next;
            if (sliced.engine().isEvaluating()) {
                underWay++;
                if (random.nextBoolean()) {
                    sliced.engine().evaluateMore(1 + random.nextInt(3));
                }
            }
            if (done >= nextSnapshot) {
                // A snapshot completes the evaluations under way; the state is then the same byte for byte.
                assertThat(sliced.engine().snapshot().toBytes()).as("state at step %d", done)
                        .isEqualTo(atOnce.engine().snapshot().toBytes());
                assertThat(sliced.engine().isEvaluating()).isFalse();
                snapshotsCompared++;
                nextSnapshot += 2_000 + random.nextInt(4_000);
            }
        }
        assertThat(sliced.engine().evaluateMore(Integer.MAX_VALUE)).isTrue();

        assertThat(underWay).as("chunks of events that met an evaluation under way").isGreaterThan(100);
        assertThat(snapshotsCompared).isGreaterThan(3);
        assertThat(atOnce.findingsFrom(0)).as("the stream fires and resolves rules").hasSizeGreaterThan(20);
        assertThat(sliced.findingsFrom(0)).containsExactlyInAnyOrderElementsOf(atOnce.findingsFrom(0));
        assertThat(byRuleAndKey(sliced.findingsFrom(0))).as("each key's findings in the same order")
                .isEqualTo(byRuleAndKey(atOnce.findingsFrom(0)));
        assertThat(sliced.tracesFrom(0)).isEqualTo(atOnce.tracesFrom(0));
        assertThat(sliced.engine().snapshot().toBytes()).isEqualTo(atOnce.engine().snapshot().toBytes());
    }

    private static Map<String, List<Finding>> byRuleAndKey(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(finding -> finding.ruleName() + "/" + finding.key()));
    }
}

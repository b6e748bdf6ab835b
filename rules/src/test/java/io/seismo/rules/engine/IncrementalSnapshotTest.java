package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.RandomTraffic.Step;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot written out in slices while the engine goes on is the snapshot of the moment it began: byte for
 * byte what {@link CorrelationEngine#snapshot()} writes at that moment, however many of its windows and traces
 * change, get evicted, reused or closed before their turn. The slices are kept small and far apart here, so
 * that most entries change before they are saved.
 */
class IncrementalSnapshotTest {
    private static final int SECONDS_OF_TRAFFIC = 240;

    static Stream<Arguments> streams() {
        EngineOptions roomy = EngineOptions.defaults();
        EngineOptions tight = SnapshotEquivalenceTest.tightBounds();
        return Stream.of(Arguments.of(21L, roomy), Arguments.of(22L, roomy), Arguments.of(23L, tight),
                Arguments.of(24L, tight));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("streams")
    void shouldWriteTheStateOfTheMomentTheSnapshotBegan(long seed, EngineOptions options) throws Exception {
        RuleSet rules = SnapshotEquivalenceTest.exampleRules();
        List<Step> steps = RandomTraffic.generate(seed, SECONDS_OF_TRAFFIC);
        Replay reference = new Replay(rules, options).feed(steps, 0, steps.size());
        Replay atCuts = new Replay(rules, options);
        Replay sliced = new Replay(rules, options);
        Random random = new Random(seed);

        int done = 0;
        int snapshotsChecked = 0;
        while (done < steps.size()) {
            int cut = Math.min(steps.size(), done + 200 + random.nextInt(2_000));
            atCuts.feed(steps, done, cut);
            sliced.feed(steps, done, cut);
            byte[] expected = atCuts.engine().snapshot().toBytes();
            PendingSnapshot pending = sliced.engine().beginSnapshot();
            int step = cut;
            while (!pending.isComplete() && step < steps.size()) {
                int next = Math.min(steps.size(), step + 1 + random.nextInt(40));
                sliced.feed(steps, step, next);
                atCuts.feed(steps, step, next);
                step = next;
                pending.advance(0); // one small slice: the events in between change many entries first
            }
            pending.finish();
            assertThat(pending.toBytes()).as("snapshot begun at step %d, completed at step %d", cut, step)
                    .isEqualTo(expected);
            snapshotsChecked++;
            done = step;
        }

        assertThat(snapshotsChecked).isGreaterThan(3);
        assertThat(sliced.findingsFrom(0)).as("writing snapshots in slices changes nothing")
                .isEqualTo(reference.findingsFrom(0));
        assertThat(sliced.tracesFrom(0)).isEqualTo(reference.tracesFrom(0));
    }

    @Test
    void shouldRefuseToFrameASnapshotThatIsNotComplete() throws Exception {
        RuleSet rules = SnapshotEquivalenceTest.exampleRules();
        List<Step> steps = RandomTraffic.generate(25L, 60);
        Replay replay = new Replay(rules, EngineOptions.defaults()).feed(steps, 0, steps.size() / 2);

        PendingSnapshot pending = replay.engine().beginSnapshot();

        assertThat(pending.isComplete()).as("open traces and windows are still to be written").isFalse();
        assertThatThrownBy(pending::toBytes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not complete");
    }

    @Test
    void shouldFrameASnapshotOnceSinceItsBuffersGoToTheNext() throws Exception {
        RuleSet rules = SnapshotEquivalenceTest.exampleRules();
        List<Step> steps = RandomTraffic.generate(27L, 60);
        Replay replay = new Replay(rules, EngineOptions.defaults()).feed(steps, 0, steps.size());
        PendingSnapshot pending = replay.engine().beginSnapshot();
        pending.finish();
        byte[] framed = pending.toBytes();

        assertThatThrownBy(pending::toBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("framed already");
        assertThat(replay.engine().snapshot().toBytes()).as("the next snapshot, on the first one's buffers").isEqualTo(framed);
    }

    @Test
    void shouldSealIntoTheBufferOfAReleasedSnapshotTheSameBytesAsANewArray() throws Exception {
        List<Step> steps = RandomTraffic.generate(28L, 120);
        Replay replay = new Replay(SnapshotEquivalenceTest.exampleRules(), EngineOptions.defaults());
        int half = steps.size() / 2;
        int more = half + 20; // a few more events: the state grows by less than the buffer's room

        SealedSnapshot first = sealed(replay.feed(steps, 0, half));
        assertThat(bytesOf(first)).isEqualTo(replay.engine().snapshot().toBytes());
        byte[] firstBuffer = first.bytes().get(0).array();
        first.release();
        SealedSnapshot second = sealed(replay.feed(steps, half, more));
        assertThat(second.bytes().get(0).array()).as("the released buffer, written over").isSameAs(firstBuffer);
        assertThat(bytesOf(second)).isEqualTo(replay.engine().snapshot().toBytes());
        SealedSnapshot third = sealed(replay.feed(steps, more, steps.size()));
        assertThat(third.bytes().get(0).array()).as("a buffer still lent is not reused").isNotSameAs(firstBuffer);
        assertThat(bytesOf(third)).isEqualTo(replay.engine().snapshot().toBytes());
    }

    private static SealedSnapshot sealed(Replay replay) {
        PendingSnapshot pending = replay.engine().beginSnapshot();
        pending.finish();
        return pending.seal();
    }

    private static byte[] bytesOf(SealedSnapshot sealed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ByteBuffer piece : sealed.bytes()) {
            bytes.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldCompleteAnUnfinishedSnapshotBeforeBeginningTheNext() throws Exception {
        RuleSet rules = SnapshotEquivalenceTest.exampleRules();
        List<Step> steps = RandomTraffic.generate(26L, 60);
        Replay replay = new Replay(rules, EngineOptions.defaults()).feed(steps, 0, steps.size() / 2);
        Replay same = new Replay(rules, EngineOptions.defaults()).feed(steps, 0, steps.size() / 2);
        byte[] expected = same.engine().snapshot().toBytes();

        PendingSnapshot first = replay.engine().beginSnapshot();
        replay.feed(steps, steps.size() / 2, steps.size());
        replay.engine().beginSnapshot();

        assertThat(first.isComplete()).isTrue();
        assertThat(first.toBytes()).isEqualTo(expected);
    }
}

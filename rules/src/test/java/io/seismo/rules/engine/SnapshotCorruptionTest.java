package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.RandomTraffic.Step;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A snapshot file can be torn by a crash or damaged on disk, and recovery must then fall back to an older
 * one: whatever the bytes, {@code restore} either succeeds or throws {@link SnapshotFormatException}, never
 * anything else, never runs out of memory, never hangs. The CRC catches damage first; the tests that
 * re-seal damaged bytes with a valid CRC reach the parser's own checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SnapshotCorruptionTest {
    private static final int CUT = 6_000;
    private static final EngineOptions OPTIONS = EngineOptions.defaults().withMaxOpenTraces(12).withMaxKeysPerRule(6)
            .withEvidence(2, 2);

    private RuleSet rules;
    private List<Step> steps;
    private byte[] snapshot;

    private enum Outcome { RESTORED, REJECTED }

    @BeforeAll
    void takeARealSnapshot() throws Exception {
        rules = SnapshotEquivalenceTest.exampleRules();
        steps = RandomTraffic.generateShortMessages(21, 120);
        Replay replay = new Replay(rules, OPTIONS).feed(steps, 0, CUT);
        assertThat(steps.get(CUT - 1).isEvent()).isTrue();
        assertThat(replay.engine().openTraces()).isPositive();
        assertThat(replay.findingsFrom(0)).isNotEmpty();
        snapshot = replay.engine().snapshot().toBytes();
    }

    @Test
    void shouldRejectEveryTruncation() {
        CorrelationEngine engine = freshEngine(); // a failed restore leaves it fresh, so it serves every attempt
        for (int length = 0; length < snapshot.length; length++) {
            byte[] torn = Arrays.copyOf(snapshot, length);
            assertThatExceptionOfType(SnapshotFormatException.class).as("snapshot torn at %d bytes", length)
                    .isThrownBy(() -> engine.restore(EngineSnapshot.fromBytes(torn)));
        }
    }

    @Test
    void shouldRejectEveryTruncationEvenBehindAValidChecksum() {
        CorrelationEngine engine = freshEngine();
        for (int length = SnapshotEnvelope.HEADER_BYTES; length < snapshot.length; length++) {
            byte[] torn = resealed(Arrays.copyOf(snapshot, length));
            assertThatExceptionOfType(SnapshotFormatException.class).as("snapshot torn at %d bytes", length)
                    .isThrownBy(() -> engine.restore(EngineSnapshot.fromBytes(torn)));
        }
    }

    @Test
    void shouldRejectEverySingleBitFlip() {
        CorrelationEngine engine = freshEngine();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            int bit = random.nextInt(snapshot.length * 8);
            byte[] flipped = flipped(snapshot, bit);
            assertThatExceptionOfType(SnapshotFormatException.class).as("bit %d flipped", bit)
                    .isThrownBy(() -> engine.restore(EngineSnapshot.fromBytes(flipped)));
        }
    }

    @Test
    void shouldRejectOrSurviveBitFlipsBehindAValidChecksum() {
        Random random = new Random(8);
        int rejected = 0;
        for (int i = 0; i < 400; i++) {
            int bit = SnapshotEnvelope.HEADER_BYTES * 8 + random.nextInt((snapshot.length - SnapshotEnvelope.HEADER_BYTES) * 8);
            Replay replay = new Replay(rules, OPTIONS);
            if (restore(replay.engine(), resealed(flipped(snapshot, bit)), "bit " + bit + " flipped") == Outcome.REJECTED) {
                rejected++;
            } else {
                replay.feed(steps, CUT, CUT + 2_000); // a value that changed must not break what comes next
            }
        }
        assertThat(rejected).as("flips rejected of 400").isPositive().isLessThan(400);
    }

    @Test
    void shouldNeverBelieveAnAbsurdCountOrLength() {
        CorrelationEngine engine = freshEngine();
        for (int offset = SnapshotEnvelope.HEADER_BYTES; offset + Integer.BYTES <= snapshot.length; offset++) {
            // Every four bytes in turn read as a huge count or a negative one (fields sit at any offset,
            // so both kinds land on counts and lengths somewhere).
            int absurd = offset % 2 == 0 ? Integer.MAX_VALUE : -1;
            byte[] damaged = snapshot.clone();
            ByteBuffer.wrap(damaged).putInt(offset, absurd);
            if (restore(engine, resealed(damaged), absurd + " at offset " + offset) == Outcome.RESTORED) {
                engine = freshEngine();
            }
        }
    }

    @Test
    void shouldRejectForeignAndFutureFiles() {
        CorrelationEngine engine = freshEngine();
        byte[] foreign = snapshot.clone();
        foreign[0] = '{';
        byte[] future = snapshot.clone();
        ByteBuffer.wrap(future).putInt(Integer.BYTES, SnapshotEnvelope.VERSION + 1);

        assertThatExceptionOfType(SnapshotFormatException.class)
                .isThrownBy(() -> engine.restore(EngineSnapshot.fromBytes(foreign))).withMessageContaining("magic");
        assertThatExceptionOfType(SnapshotFormatException.class)
                .isThrownBy(() -> engine.restore(EngineSnapshot.fromBytes(future))).withMessageContaining("version");
        assertThatExceptionOfType(SnapshotFormatException.class)
                .isThrownBy(() -> engine.restore(EngineSnapshot.fromBytes(new byte[0])));
    }

    private CorrelationEngine freshEngine() {
        return new Replay(rules, OPTIONS).engine();
    }

    /** Restores, and turns any outcome but success or {@link SnapshotFormatException} into a failure that says which damage caused it. */
    private static Outcome restore(CorrelationEngine engine, byte[] bytes, String damage) {
        try {
            engine.restore(EngineSnapshot.fromBytes(bytes));
            return Outcome.RESTORED;
        } catch (SnapshotFormatException e) {
            return Outcome.REJECTED;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(damage + ": restore threw " + e, e);
        }
    }

    private static byte[] flipped(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /** The same bytes with a CRC that matches them again, as if the damage had happened before sealing. */
    private static byte[] resealed(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, SnapshotEnvelope.HEADER_BYTES, bytes.length - SnapshotEnvelope.HEADER_BYTES);
        ByteBuffer.wrap(bytes).putInt(2 * Integer.BYTES, (int) crc.getValue());
        return bytes;
    }
}

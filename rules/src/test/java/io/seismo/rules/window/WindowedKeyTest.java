package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seismo.rules.event.Level;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A key's evidence, the latest events until its first error and errors only from then, across a snapshot. */
class WindowedKeyTest {
    private static final int RING = 4;
    private static final int SAMPLES = 5;

    @Test
    void shouldSaveTheLatestEventsAndAfterARestoreStillSwitchToErrorsOnTheFirst() {
        WindowedKey key = new WindowedKey("a", RING, SAMPLES);
        record(key, 1, Level.INFO, "started", "t1");
        record(key, 1, Level.WARN, "slow", "t2");

        WindowedKey restored = roundTrip(key);

        assertThat(restored.evidence(5, 5).sampleMessages()).containsExactly("slow", "started");
        record(restored, 2, Level.ERROR, "failed", "t3");
        record(restored, 2, Level.INFO, "recovered", "t4");
        assertThat(restored.evidence(5, 5).sampleMessages()).containsExactly("failed");
        assertThat(restored.evidence(5, 5).traceIds()).containsExactly("t3");
    }

    @Test
    void shouldSaveTheErrorsAndAfterARestoreKeepOnlyErrors() {
        WindowedKey key = new WindowedKey("a", RING, SAMPLES);
        record(key, 1, Level.INFO, "fine", "t1");
        record(key, 1, Level.ERROR, "broke", "t2");

        WindowedKey restored = roundTrip(key);
        record(restored, 2, Level.INFO, "fine again", "t3");
        record(restored, 2, Level.ERROR, "broke again", "t4");

        assertThat(restored.evidence(5, 5).sampleMessages()).containsExactly("broke again", "broke");
        assertThat(restored.evidence(5, 5).traceIds()).containsExactly("t4", "t2");
    }

    @Test
    void shouldStartAKeyReusedForAnotherWithTheLatestEventsAgain() {
        WindowedKey key = new WindowedKey("a", RING, SAMPLES);
        record(key, 1, Level.ERROR, "broke", "t1");

        key.reuseFor("b");
        record(key, 2, Level.INFO, "fine", "t2");

        assertThat(key.evidence(5, 5).sampleMessages()).containsExactly("fine");
    }

    @Test
    void shouldSaveTheTwoListsOfSamplesErrorsFirstWithTheOtherEmpty() {
        WindowedKey latest = new WindowedKey("a", RING, SAMPLES);
        record(latest, 1, Level.INFO, "fine", "t1");
        WindowedKey failing = new WindowedKey("a", RING, SAMPLES);
        record(failing, 1, Level.ERROR, "fine", "t1");

        byte[] latestSaved = save(latest);
        byte[] failingSaved = save(failing);

        // The key's last bytes are the two lists, errors first: the one sample is in the list of its kind.
        int tail = sampleBytes("fine", "t1").length + 2 * Integer.BYTES;
        assertThat(Arrays.copyOfRange(failingSaved, failingSaved.length - tail, failingSaved.length))
                .isEqualTo(concat(list("fine", "t1"), list()));
        assertThat(Arrays.copyOfRange(latestSaved, latestSaved.length - tail, latestSaved.length))
                .isEqualTo(concat(list(), list("fine", "t1")));
    }

    @Test
    void shouldRejectLatestEventsSavedBesideErrors() {
        WindowedKey failing = new WindowedKey("a", RING, SAMPLES);
        record(failing, 1, Level.ERROR, "broke", "t1");
        byte[] saved = save(failing);
        byte[] both = concat(Arrays.copyOf(saved, saved.length - Integer.BYTES), list("fine", "t2"));

        assertThatThrownBy(() -> WindowedKey.readFrom(new StateInput(both, 0, both.length), RING, SAMPLES,
                SavedRules.ONE))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("recent samples beside error samples");
    }

    private static void record(WindowedKey key, long bucket, Level level, String message, String traceId) {
        StateOutput sample = new StateOutput(64);
        sample.writeString(message);
        sample.writeString(traceId);
        assertThat(key.record(bucket, level, sample)).isTrue();
    }

    private static WindowedKey roundTrip(WindowedKey key) {
        byte[] saved = save(key);
        StateInput in = new StateInput(saved, 0, saved.length);
        WindowedKey restored = WindowedKey.readFrom(in, RING, SAMPLES, SavedRules.ONE);
        assertThat(in.remaining()).isZero();
        return restored;
    }

    private static byte[] save(WindowedKey key) {
        StateOutput out = new StateOutput(64);
        key.writeTo(out, Long.MIN_VALUE, 1);
        return out.toByteArray();
    }

    private static byte[] sampleBytes(String message, String traceId) {
        StateOutput out = new StateOutput(64);
        out.writeString(message);
        out.writeString(traceId);
        return out.toByteArray();
    }

    /** A saved list of samples: its count, then each sample. */
    private static byte[] list(String... messagesAndTraceIds) {
        StateOutput out = new StateOutput(64);
        out.writeInt(messagesAndTraceIds.length / 2);
        for (String text : messagesAndTraceIds) {
            out.writeString(text);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

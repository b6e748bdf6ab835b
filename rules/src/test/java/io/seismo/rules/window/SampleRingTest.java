package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

/** Samples kept as encoded bytes read back as the strings they were, newest first, and save as strings do. */
class SampleRingTest {
    private final StateOutput sample = new StateOutput(16);

    @Test
    void shouldKeepTheNewestSamplesAndGiveThemNewestFirstAndDistinct() {
        SampleRing ring = new SampleRing(3);
        record(ring, "disk full", "t1");
        record(ring, "timeout", "t2");
        record(ring, "timeout", null);
        record(ring, "caf\u00e9 \uD83D\uDE00 down", "t4"); // overwrites the oldest; not ASCII

        assertThat(ring.messages(5)).containsExactly("caf\u00e9 \uD83D\uDE00 down", "timeout");
        assertThat(ring.traceIds(5)).containsExactly("t4", "t2");
        assertThat(ring.traceIds(1)).containsExactly("t4");
    }

    @Test
    void shouldGrowForALongMessageAndForgetEverythingWhenCleared() {
        SampleRing ring = new SampleRing(2);
        String longMessage = "x".repeat(70_000); // saved in several pieces
        record(ring, "short", "t1");
        record(ring, longMessage, "t2");
        record(ring, "after", "t3");

        assertThat(ring.messages(5)).containsExactly("after", longMessage);

        ring.clear();
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.messages(5)).isEmpty();
        record(ring, "again", "t5");
        assertThat(ring.traceIds(5)).containsExactly("t5");
    }

    @Test
    void shouldSaveWhatAStringRingSavedAndRestoreIntoASmallerRing() {
        SampleRing ring = new SampleRing(3);
        record(ring, "one", "t1");
        record(ring, null, "t2");
        record(ring, "three", null);
        StateOutput saved = new StateOutput(16);
        ring.writeTo(saved);

        StateOutput expected = new StateOutput(16);
        expected.writeInt(3);
        for (String value : new String[] {"one", "t1", null, "t2", "three", null}) {
            expected.writeString(value);
        }
        assertThat(saved.toByteArray()).isEqualTo(expected.toByteArray());

        SampleRing smaller = new SampleRing(2);
        byte[] savedBytes = saved.toByteArray();
        smaller.readFrom(new StateInput(savedBytes, 0, savedBytes.length), "samples");
        assertThat(smaller.messages(5)).containsExactly("three");
        assertThat(smaller.traceIds(5)).containsExactly("t2");
    }

    private void record(SampleRing ring, String message, String traceId) {
        sample.reset();
        sample.writeString(message);
        sample.writeString(traceId);
        ring.record(sample);
    }
}

package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

    @Test
    void shouldKeepTheNewestSamplesOfEveryLengthAsTheyWrapAroundAndGrowTheArray() {
        SplittableRandom random = new SplittableRandom(7);
        for (int capacity = 1; capacity <= 6; capacity++) {
            SampleRing ring = new SampleRing(capacity);
            List<String[]> recorded = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                // Mostly short, sometimes long enough to outgrow the array, now and then not ASCII.
                int length = random.nextInt(100) < 3 ? random.nextInt(2_000) : random.nextInt(60);
                String message = (random.nextInt(10) == 0 ? "\u00e9" : "m") + i + "-" + "x".repeat(length);
                String traceId = random.nextInt(5) == 0 ? null : "t" + i;
                record(ring, message, traceId);
                recorded.add(new String[] {message, traceId});

                List<String[]> kept = recorded.subList(Math.max(0, recorded.size() - capacity), recorded.size());
                List<String> newestMessages = new ArrayList<>();
                List<String> newestTraceIds = new ArrayList<>();
                StateOutput expected = new StateOutput(16);
                expected.writeInt(kept.size());
                for (int k = kept.size() - 1; k >= 0; k--) {
                    newestMessages.add(kept.get(k)[0]);
                    if (kept.get(k)[1] != null) {
                        newestTraceIds.add(kept.get(k)[1]);
                    }
                }
                kept.forEach(sample -> {
                    expected.writeString(sample[0]);
                    expected.writeString(sample[1]);
                });
                assertThat(ring.messages(capacity)).as("capacity %d after %d", capacity, i).isEqualTo(newestMessages);
                assertThat(ring.traceIds(capacity)).as("capacity %d after %d", capacity, i).isEqualTo(newestTraceIds);
                StateOutput saved = new StateOutput(16);
                ring.writeTo(saved);
                assertThat(saved.toByteArray()).as("capacity %d after %d", capacity, i).isEqualTo(expected.toByteArray());
            }
        }
    }

    private void record(SampleRing ring, String message, String traceId) {
        sample.reset();
        sample.writeString(message);
        sample.writeString(traceId);
        ring.record(sample);
    }
}

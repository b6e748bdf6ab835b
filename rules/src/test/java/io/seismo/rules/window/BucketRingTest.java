package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.Level;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

class BucketRingTest {
    private final BucketRing ring = new BucketRing(4);
    private final WindowCounts counts = new WindowCounts();

    @Test
    void shouldCountEventsErrorsAndWarningsPerBucket() {
        add(10, Level.INFO, Level.ERROR, Level.FATAL, Level.WARN);
        add(11, Level.WARN);

        assertThat(sum(10, 11)).containsExactly(4L, 2L, 1L);
        assertThat(sum(10, 12)).containsExactly(5L, 2L, 2L);
        assertThat(sum(12, 14)).containsExactly(0L, 0L, 0L);
    }

    @Test
    void shouldReadASlotLeftFromAnOlderLapAsEmptyAndRefuseBucketsOlderThanItHolds() {
        add(10, Level.ERROR);
        add(14, Level.INFO); // the same slot, one lap on

        assertThat(sum(10, 11)).containsExactly(0L, 0L, 0L);
        assertThat(sum(14, 15)).containsExactly(1L, 0L, 0L);
        assertThat(ring.add(10, Level.INFO)).isFalse();
    }

    @Test
    void shouldSaveTheBucketsFromAGivenOneAndReadThemBack() {
        add(10, Level.ERROR);
        add(11, Level.WARN, Level.INFO);
        add(12, Level.INFO);
        StateOutput out = new StateOutput(64);
        ring.writeTo(out, 11);
        byte[] bytes = out.toByteArray();

        BucketRing restored = new BucketRing(4);
        restored.readFrom(new StateInput(bytes, 0, bytes.length), 12);

        counts.clear();
        restored.sum(10, 13, counts);
        assertThat(new long[] {counts.events(), counts.errors(), counts.warnings()}).containsExactly(3L, 0L, 1L);
    }

    private void add(long bucket, Level... levels) {
        for (Level level : levels) {
            assertThat(ring.add(bucket, level)).isTrue();
        }
    }

    private long[] sum(long from, long to) {
        counts.clear();
        ring.sum(from, to, counts);
        return new long[] {counts.events(), counts.errors(), counts.warnings()};
    }
}

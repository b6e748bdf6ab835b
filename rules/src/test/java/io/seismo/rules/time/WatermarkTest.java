package io.seismo.rules.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

class WatermarkTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long TICK = SECOND / 4;

    private final Watermark watermark = new Watermark(2 * SECOND, 3 * SECOND);

    @Test
    void shouldTrailTheNewestEventByTheAllowedLateness() {
        watermark.observe(10 * SECOND);
        watermark.observe(9 * SECOND);

        assertThat(watermark.nanos()).isEqualTo(8 * SECOND);
        assertThat(watermark.isLate(8 * SECOND - 1)).isTrue();
        assertThat(watermark.isLate(8 * SECOND)).isFalse();
    }

    @Test
    void shouldStayPutWhileEventsKeepArriving() {
        watermark.observe(10 * SECOND);
        for (int i = 0; i <= 40; i++) {
            watermark.observe(10 * SECOND);
            watermark.tick(i * TICK);
        }

        assertThat(watermark.nanos()).isEqualTo(8 * SECOND);
    }

    @Test
    void shouldMoveWithProcessingTimeOnceInputHasBeenIdleForTheTimeout() {
        watermark.observe(10 * SECOND);
        watermark.tick(0);

        for (int i = 1; i <= 11; i++) {
            watermark.tick(i * TICK);
        }
        assertThat(watermark.nanos()).as("idle for 2.75 s: not yet").isEqualTo(8 * SECOND);

        for (int i = 12; i <= 16; i++) {
            watermark.tick(i * TICK);
        }
        assertThat(watermark.nanos()).as("ticks at 3.0, 3.25, 3.5, 3.75 and 4.0 s each move it").isEqualTo(8 * SECOND + 5 * TICK);
    }

    @Test
    void shouldIgnoreProcessingTimeGoingBackwards() {
        watermark.observe(10 * SECOND);
        watermark.tick(10 * SECOND);
        watermark.tick(14 * SECOND);
        long afterIdle = watermark.nanos();

        watermark.tick(5 * SECOND);

        assertThat(watermark.nanos()).isEqualTo(afterIdle);
    }

    @Test
    void shouldNotStartBeforeTheFirstEvent() {
        watermark.tick(0);
        watermark.tick(60 * SECOND);

        assertThat(watermark.started()).isFalse();
        assertThat(watermark.isLate(0)).isFalse();
    }

    @Test
    void shouldBeHeldBackByTheSlowestSourceSoItsCatchUpIsNotLate() {
        watermark.tick(0);
        watermark.observe("catching-up", 50 * SECOND);
        watermark.observe("fast", 100 * SECOND);

        assertThat(watermark.nanos()).isEqualTo(48 * SECOND);
        assertThat(watermark.isLate(60 * SECOND)).as("the slow file's next lines").isFalse();

        watermark.observe("catching-up", 70 * SECOND);
        assertThat(watermark.nanos()).isEqualTo(68 * SECOND);
        watermark.observe("fast", 101 * SECOND);
        assertThat(watermark.nanos()).as("the fast source getting further ahead changes nothing").isEqualTo(68 * SECOND);
    }

    @Test
    void shouldReleaseASourceThatWentIdleAndNeverGoBackWhenItReturns() {
        watermark.tick(0);
        watermark.observe("quiet", 50 * SECOND);
        watermark.observe("busy", 100 * SECOND);
        for (int i = 1; i <= 11; i++) {
            watermark.observe("busy", 100 * SECOND + i * TICK);
            watermark.tick(i * TICK);
        }
        assertThat(watermark.nanos()).as("quiet for 2.75 s: still holding it back").isEqualTo(48 * SECOND);
        watermark.observe("busy", 100 * SECOND + 12 * TICK);
        watermark.tick(12 * TICK);
        assertThat(watermark.nanos()).as("quiet for 3 s: released").isEqualTo(98 * SECOND + 12 * TICK);

        watermark.observe("quiet", 51 * SECOND);

        assertThat(watermark.nanos()).isEqualTo(98 * SECOND + 12 * TICK);
        assertThat(watermark.isLate(51 * SECOND)).isTrue();
    }

    @Test
    void shouldKeepEachSourcesProgressAcrossASnapshot() {
        watermark.tick(0);
        watermark.observe("slow", 50 * SECOND);
        watermark.observe("fast", 100 * SECOND);
        StateOutput out = new StateOutput(64);
        watermark.writeTo(out);
        byte[] bytes = out.toByteArray();

        Watermark restored = new Watermark(2 * SECOND, 3 * SECOND);
        restored.restore(Watermark.Saved.readFrom(new StateInput(bytes, 0, bytes.length)));
        restored.tick(0);
        restored.observe("slow", 60 * SECOND);

        assertThat(restored.sources()).isEqualTo(2);
        assertThat(restored.nanos()).as("still held back by 'slow', now at 60 s").isEqualTo(58 * SECOND);
    }

    @Test
    void shouldForgetTheLeastRecentlyHeardSourcesBeyondItsBound() {
        for (int i = 0; i <= Watermark.MAX_SOURCES; i++) {
            watermark.observe("file-" + i, (100 + i) * SECOND);
        }

        assertThat(watermark.sources()).isEqualTo(Watermark.MAX_SOURCES);
        assertThat(watermark.nanos()).as("file-0, the slowest, was forgotten").isEqualTo(99 * SECOND);
    }
}

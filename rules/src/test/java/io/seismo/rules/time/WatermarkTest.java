package io.seismo.rules.time;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package io.seismo.daemon.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAverageOverTheSamplesItHasBeforeTheMinuteFills() {
        RateMeter meter = new RateMeter();

        meter.sample(0, 0);
        meter.sample(SECOND, 100);
        meter.sample(2 * SECOND, 300);

        assertThat(meter.perSecond()).isEqualTo(150.0);
    }

    @Test
    void shouldForgetWhatIsOlderThanAMinute() {
        RateMeter meter = new RateMeter();
        meter.sample(0, 0);
        meter.sample(SECOND, 1_000_000);            // a burst in the first second
        for (int s = 2; s <= 70; s++) {
            meter.sample(s * SECOND, 1_000_000 + (s - 1) * 10L);
        }

        assertThat(meter.perSecond()).isEqualTo(10.0);
    }

    @Test
    void shouldKeepOneSamplePerSecond() {
        RateMeter meter = new RateMeter();
        meter.sample(0, 0);
        meter.sample(SECOND / 2, 500);               // ignored: less than a second after the last sample
        meter.sample(SECOND, 40);

        assertThat(meter.perSecond()).isEqualTo(40.0);
    }
}

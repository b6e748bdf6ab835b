package io.seismo.sink.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {
    private static final RandomGenerator LOWEST = () -> 0L;
    private static final RandomGenerator HIGHEST = () -> -1L;

    @Test
    void shouldGrowByTheMultiplierUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0);

        assertThat(backoff.nextDelay(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.nextDelay(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.nextDelay(4, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.nextDelay(5, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.nextDelay(Integer.MAX_VALUE, null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldKeepJitterWithinItsBoundsAndBelowTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 2.0, 0.2);

        assertThat(backoff.nextDelay(1, null, LOWEST)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.nextDelay(1, null, HIGHEST)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
        assertThat(backoff.nextDelay(2, null, HIGHEST)).isBetween(Duration.ofMillis(23_999), Duration.ofSeconds(24));
        assertThat(backoff.nextDelay(3, null, HIGHEST)).isEqualTo(Duration.ofSeconds(30));
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.nextDelay(1, null)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    @Test
    void shouldWaitAtLeastAsLongAsRetryAfterAsks() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.2);

        assertThat(backoff.nextDelay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.nextDelay(1, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.nextDelay(5, Duration.ofMillis(10), LOWEST)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void shouldRejectSettingsThatCannotWork() {
        Duration second = Duration.ofSeconds(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, second, 2.0, 0.1))
                .withMessageContaining("initial");
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(second, Duration.ofMillis(10), 2.0, 0.1))
                .withMessageContaining("max");
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(second, second, 0.5, 0.1))
                .withMessageContaining("multiplier");
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(second, second, 2.0, 1.0))
                .withMessageContaining("jitter");
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.DEFAULT.nextDelay(0, null))
                .withMessageContaining("attempt");
    }
}

package io.seismo.daemon.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void shouldDoubleFromTheInitialDelayUpToTheMaximum() {
        assertThat(backoff.delayAfter(1, 1.0, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2, 1.0, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(4, 1.0, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(7, 1.0, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(10_000, 1.0, null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldJitterWithinTheUpperHalfOfTheDelay() {
        assertThat(backoff.delayAfter(4, 0.0, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(4, 0.5, null)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void shouldNeverRetryEarlierThanRetryAfter() {
        assertThat(backoff.delayAfter(1, 0.0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(7, 1.0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRefuseAMaximumShorterThanTheInitialDelay() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    }
}

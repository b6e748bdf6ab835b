package io.seismo.daemon.route;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void shouldReadCountPerPeriod() {
        assertThat(RateLimit.parse("10/1m")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse(" 1 / 30s ")).isEqualTo(new RateLimit(1, Duration.ofSeconds(30)));
    }

    @Test
    void shouldRefuseWhatIsNotARateLimit() {
        for (String bad : new String[]{"10", "0/1m", "10/0s", "ten/1m", "10/1w", "", "99999999999/1m"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

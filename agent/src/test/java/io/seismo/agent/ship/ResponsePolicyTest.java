package io.seismo.agent.ship;

import io.seismo.agent.config.RetryBackoff;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsePolicyTest {
    private static final RetryBackoff BOUNDS = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    private final ResponsePolicy policy = new ResponsePolicy(new Backoff(BOUNDS, () -> 0.5));

    @Test
    void shouldAcknowledgeA200() {
        assertThat(policy.decide(answer(200), 3, 10).action()).isEqualTo(Decision.Action.ACK);
    }

    @Test
    void shouldHonourRetryAfterOn429And503() {
        Decision busy = policy.decide(ShipResult.answered(429, OptionalLong.of(3), ""), 0, 10);
        Decision notReady = policy.decide(ShipResult.answered(503, OptionalLong.of(1), ""), 7, 10);

        assertThat(busy.action()).isEqualTo(Decision.Action.RETRY);
        assertThat(busy.delay()).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3100));
        assertThat(notReady.delay()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1100));
    }

    @Test
    void shouldBackOffExponentiallyOnServerErrorsAndConnectionFailures() {
        Decision first = policy.decide(answer(500), 0, 10);
        Decision third = policy.decide(ShipResult.failed(new ConnectException("refused")), 2, 10);
        Decision many = policy.decide(answer(502), 40, 10);

        assertThat(first.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(third.delay()).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(many.delay()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(third.reason()).contains("refused");
        assertThat(first.loud()).isFalse();
    }

    @Test
    void shouldRetrySlowlyAndLoudlyWhenTheTokenOrUrlIsWrong() {
        for (int status : new int[] {401, 403, 404}) {
            Decision d = policy.decide(answer(status), 0, 10);
            assertThat(d.action()).isEqualTo(Decision.Action.RETRY);
            assertThat(d.delay()).isEqualTo(BOUNDS.maxBackoff());
            assertThat(d.loud()).isTrue();
        }
    }

    @Test
    void shouldSplitA413BatchAndDropA413SingleLine() {
        assertThat(policy.decide(answer(413), 0, 2).action()).isEqualTo(Decision.Action.SPLIT);
        assertThat(policy.decide(answer(413), 0, 1).action()).isEqualTo(Decision.Action.DROP);
    }

    @Test
    void shouldKeepJitteredDelaysWithinTheBounds() {
        Backoff low = new Backoff(BOUNDS, () -> 0.0);
        Backoff high = new Backoff(BOUNDS, () -> 0.999_999);
        for (int failures = 1; failures < 70; failures++) {
            assertThat(low.afterFailures(failures)).isBetween(BOUNDS.initialBackoff(), BOUNDS.maxBackoff());
            assertThat(high.afterFailures(failures)).isBetween(BOUNDS.initialBackoff(), BOUNDS.maxBackoff());
        }
        assertThat(low.retryAfter(100_000)).isEqualTo(Backoff.MAX_RETRY_AFTER);
    }

    private static ShipResult answer(int status) {
        return ShipResult.answered(status, OptionalLong.empty(), "");
    }
}

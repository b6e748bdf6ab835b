package io.seismo.daemon.alerting;

import java.time.Duration;
import java.util.Objects;

/**
 * Delays between delivery attempts: exponential from {@code initial}, capped at {@code max}, with "equal
 * jitter" (half fixed, half random) so that many alerts failing together do not retry in lockstep yet never
 * retry at once. A receiver's Retry-After is a floor: we never come back earlier than it asked.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("retry initial backoff must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry max backoff " + max + " is shorter than the initial " + initial);
        }
    }

    /**
     * @param failures   consecutive failed attempts so far (1 after the first failure)
     * @param jitterUnit a random number in [0, 1)
     * @param retryAfter what the receiver asked for, or null
     */
    public Duration delayAfter(int failures, double jitterUnit, Duration retryAfter) {
        long maxNanos = max.toNanos();
        long nanos = initial.toNanos();
        for (int i = 1; i < failures && nanos < maxNanos; i++) {
            nanos = nanos > maxNanos / 2 ? maxNanos : nanos * 2;
        }
        long half = Math.min(nanos, maxNanos) / 2;
        Duration jittered = Duration.ofNanos(half + (long) (half * Math.max(0.0, Math.min(jitterUnit, 1.0))));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }
}

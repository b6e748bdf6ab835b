package io.seismo.sink.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with proportional jitter, shared by everything that retries a delivery. Attempt 1 waits
 * about {@code initial}, each further attempt {@code multiplier} times longer, never more than {@code max}; the
 * jitter spreads retries of many alerts so a recovering receiver is not hit by all of them at once. A receiver's
 * Retry-After is a floor: we never come back sooner than it asked, even past {@code max}.
 *
 * @param initial    the delay before the first retry
 * @param max        the ceiling of the computed delay
 * @param multiplier growth per attempt, at least 1
 * @param jitter     fraction in [0, 1): the delay is drawn from base × [1 − jitter, 1 + jitter]
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 1 s, doubling, up to 5 minutes, ±20 %. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is below initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), got " + jitter);
        }
    }

    /** The wait before retry number {@code attempt} (1-based); {@code retryAfter} may be null. */
    public Duration nextDelay(int attempt, Duration retryAfter) {
        return nextDelay(attempt, retryAfter, ThreadLocalRandom.current());
    }

    /** As {@link #nextDelay(int, Duration)} with the jitter drawn from {@code random} (for reproducible tests). */
    public Duration nextDelay(int attempt, Duration retryAfter, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, got " + attempt);
        }
        double maxNanos = max.toNanos();
        // Computed in double so that a large attempt saturates at max instead of overflowing.
        double baseNanos = Math.min(maxNanos, initial.toNanos() * Math.pow(multiplier, attempt - 1.0));
        double spread = jitter == 0.0 ? 1.0 : 1.0 - jitter + 2.0 * jitter * random.nextDouble();
        Duration computed = Duration.ofNanos((long) Math.min(maxNanos, baseNanos * spread));
        if (retryAfter != null && retryAfter.compareTo(computed) > 0) {
            return retryAfter;
        }
        return computed;
    }
}

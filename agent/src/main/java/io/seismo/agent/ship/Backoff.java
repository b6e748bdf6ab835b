package io.seismo.agent.ship;

import io.seismo.agent.config.RetryBackoff;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts: exponential with jitter, always between {@code initialBackoff} and
 * {@code maxBackoff}. Jitter spreads the retries of many files and agents so a daemon coming back is not hit
 * by all of them at once.
 */
public final class Backoff {
    /** A daemon asking for more than this is probably misconfigured; the agent checks back at least this often. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final long initialNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    public Backoff(RetryBackoff bounds, DoubleSupplier random) {
        this.initialNanos = bounds.initialBackoff().toNanos();
        this.maxNanos = bounds.maxBackoff().toNanos();
        this.random = random;
    }

    /** After {@code failures} consecutive failures (1 or more): a random delay in [cap/2, cap], cap doubling per failure. */
    public Duration afterFailures(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 62);
        long cap = initialNanos;
        for (int i = 0; i < doublings && cap < maxNanos; i++) {
            cap = cap > maxNanos / 2 ? maxNanos : cap * 2;
        }
        cap = Math.min(cap, maxNanos);
        long floor = Math.max(initialNanos, cap / 2);
        return Duration.ofNanos(floor + (long) (random.getAsDouble() * (cap - floor)));
    }

    /** What the daemon asked for (capped at {@link #MAX_RETRY_AFTER}), plus up to one initial backoff of jitter. */
    public Duration retryAfter(long seconds) {
        Duration asked = Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_RETRY_AFTER.toSeconds())));
        return asked.plusNanos((long) (random.getAsDouble() * initialNanos));
    }

    /** For failures that retrying soon will not fix (a bad token, a wrong URL): the longest delay. */
    public Duration slow() {
        return Duration.ofNanos(maxNanos);
    }
}

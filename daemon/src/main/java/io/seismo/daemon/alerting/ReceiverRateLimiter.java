package io.seismo.daemon.alerting;

import io.seismo.daemon.route.RateLimit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets per receiver, on the time passed in: a receiver limited to {@code 10/1m} gets a burst of 10 and one
 * more every 6 s. A group that finds no token keeps its change and goes out at a later tick. Not in the snapshot: a
 * restart starts with full buckets.
 */
final class ReceiverRateLimiter {
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Takes a token for {@code receiver} if one is there; always true without a limit. */
    boolean tryAcquire(String receiver, RateLimit limit, Instant now) {
        if (limit == null) {
            return true;
        }
        Bucket bucket = buckets.computeIfAbsent(receiver, name -> new Bucket(limit.count(), now));
        Duration refill = limit.per().dividedBy(limit.count());
        if (refill.isZero()) {
            return true; // more than one per nanosecond: no limit worth enforcing
        }
        long earned = Duration.between(bucket.refilledAt, now).dividedBy(refill);
        if (earned > 0) {
            bucket.tokens = (int) Math.min(limit.count(), bucket.tokens + earned);
            bucket.refilledAt = bucket.tokens == limit.count() ? now : bucket.refilledAt.plus(refill.multipliedBy(earned));
        }
        if (bucket.tokens == 0) {
            return false;
        }
        bucket.tokens--;
        return true;
    }

    private static final class Bucket {
        private int tokens;
        private Instant refilledAt;

        private Bucket(int tokens, Instant refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}

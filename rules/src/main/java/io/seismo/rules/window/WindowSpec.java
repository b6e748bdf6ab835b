package io.seismo.rules.window;

import java.time.Duration;

/**
 * How a rule cuts event time into windows: {@code sizeNanos} long, evaluated every {@code slideNanos}
 * (tumbling when both are equal). Boundaries are multiples of the slide counted from the epoch, so every
 * key of every rule with the same slide closes its windows at the same instants and results are
 * reproducible across restarts.
 */
public record WindowSpec(long sizeNanos, long slideNanos) {

    /** Memory per key grows with the buckets per window, so a rule may not ask for more than this. */
    public static final int MAX_BUCKETS_PER_WINDOW = 1000;

    public WindowSpec {
        if (sizeNanos <= 0 || slideNanos <= 0) {
            throw new IllegalArgumentException("window size and slide must be positive, got size "
                    + Duration.ofNanos(sizeNanos) + " and slide " + Duration.ofNanos(slideNanos));
        }
        if (slideNanos > sizeNanos) {
            throw new IllegalArgumentException("a window cannot slide (" + Duration.ofNanos(slideNanos)
                    + ") further than it is long (" + Duration.ofNanos(sizeNanos) + ")");
        }
        long buckets = sizeNanos / gcd(sizeNanos, slideNanos);
        if (buckets > MAX_BUCKETS_PER_WINDOW) {
            throw new IllegalArgumentException("window of " + Duration.ofNanos(sizeNanos) + " sliding every "
                    + Duration.ofNanos(slideNanos) + " needs " + buckets + " buckets per key; at most "
                    + MAX_BUCKETS_PER_WINDOW + " are allowed: use a coarser slide");
        }
    }

    public static WindowSpec tumbling(long sizeNanos) {
        return new WindowSpec(sizeNanos, sizeNanos);
    }

    public static WindowSpec sliding(long sizeNanos, long slideNanos) {
        return new WindowSpec(sizeNanos, slideNanos);
    }

    public boolean isTumbling() {
        return sizeNanos == slideNanos;
    }

    /** The width of one count bucket: the largest span that both the size and the slide are multiples of. */
    public long bucketNanos() {
        return gcd(sizeNanos, slideNanos);
    }

    public int bucketsPerWindow() {
        return (int) (sizeNanos / bucketNanos());
    }

    /** The first window end strictly after {@code nanos}. */
    public long firstBoundaryAfter(long nanos) {
        return Math.floorDiv(nanos, slideNanos) * slideNanos + slideNanos;
    }

    @Override
    public String toString() {
        return isTumbling()
                ? "tumbling(" + Duration.ofNanos(sizeNanos) + ")"
                : "sliding(" + Duration.ofNanos(sizeNanos) + " every " + Duration.ofNanos(slideNanos) + ")";
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}

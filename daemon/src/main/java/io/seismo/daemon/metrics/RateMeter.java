package io.seismo.daemon.metrics;

/**
 * A per-second rate of a growing count over the last minute, from samples taken by one thread (the
 * ticker) and read by any: sixty one-second slots, the newest published through a volatile.
 */
public final class RateMeter {
    private static final int SLOTS = 60;
    private static final long SECOND_NANOS = 1_000_000_000L;
    private final long[] counts = new long[SLOTS];
    private final long[] times = new long[SLOTS];
    private int newest = -1;
    private int filled;
    private volatile double perSecond;

    /** Records the count at {@code nowNanos} (monotonic); at most one slot per second is kept. */
    public void sample(long nowNanos, long count) {
        if (newest >= 0 && nowNanos - times[newest] < SECOND_NANOS) {
            return;
        }
        newest = (newest + 1) % SLOTS;
        counts[newest] = count;
        times[newest] = nowNanos;
        filled = Math.min(filled + 1, SLOTS);
        int oldest = filled < SLOTS ? 0 : (newest + 1) % SLOTS;
        long elapsed = nowNanos - times[oldest];
        perSecond = elapsed <= 0 ? 0 : (count - counts[oldest]) * (double) SECOND_NANOS / elapsed;
    }

    public double perSecond() {
        return perSecond;
    }
}

package io.seismo.daemon.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events and errors over the last minute in sixty one-second slots, for a ratio read at scrape time.
 * One thread writes (the correlator); any thread reads. A reader racing the writer's roll-over of a slot may
 * miss that slot's counts for one scrape, which a gauge tolerates; nothing blocks and nothing allocates.
 */
final class MinuteWindow {
    static final int SECONDS = 60;

    private final AtomicLongArray second = new AtomicLongArray(SECONDS);
    private final AtomicLongArray events = new AtomicLongArray(SECONDS);
    private final AtomicLongArray errors = new AtomicLongArray(SECONDS);

    MinuteWindow() {
        for (int i = 0; i < SECONDS; i++) {
            second.set(i, Long.MIN_VALUE);
        }
    }

    /** Counts one event at {@code epochSecond}; single writer. */
    void record(long epochSecond, boolean error) {
        int slot = (int) Math.floorMod(epochSecond, SECONDS);
        if (second.get(slot) != epochSecond) {
            // Mark the slot stale while it is reset so a reader never pairs old counts with the new second.
            second.set(slot, Long.MIN_VALUE);
            events.set(slot, 0);
            errors.set(slot, 0);
            second.set(slot, epochSecond);
        }
        events.incrementAndGet(slot);
        if (error) {
            errors.incrementAndGet(slot);
        }
    }

    /** Errors divided by events over the sixty seconds up to {@code nowEpochSecond}; 0 when there were no events. */
    double errorRatio(long nowEpochSecond) {
        long eventCount = 0;
        long errorCount = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            long at = second.get(slot);
            if (at > nowEpochSecond - SECONDS && at <= nowEpochSecond) {
                eventCount += events.get(slot);
                errorCount += errors.get(slot);
            }
        }
        return eventCount == 0 ? 0 : Math.min(1.0, (double) errorCount / eventCount);
    }
}

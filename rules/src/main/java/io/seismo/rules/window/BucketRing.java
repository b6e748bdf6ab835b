package io.seismo.rules.window;

import io.seismo.rules.event.Level;
import java.util.Arrays;

/**
 * Event counts of one key in fixed time buckets, in a ring that is allocated once. A slot remembers which
 * absolute bucket it holds, so a slot left over from an older lap of the ring reads as empty and is reset
 * when reused: old buckets drop out without any sweeping.
 */
final class BucketRing {
    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] bucketOfSlot;
    private final int[] events;
    private final int[] errors;
    private final int[] warnings;

    BucketRing(int capacity) {
        bucketOfSlot = new long[capacity];
        events = new int[capacity];
        errors = new int[capacity];
        warnings = new int[capacity];
        clear();
    }

    int capacity() {
        return bucketOfSlot.length;
    }

    void clear() {
        Arrays.fill(bucketOfSlot, EMPTY);
    }

    /**
     * Counts one event in {@code bucket}. Returns false when the slot already holds a newer bucket, i.e. the
     * bucket is older than the ring retains (the caller keeps buckets inside the ring, so this is a guard).
     */
    boolean add(long bucket, Level level) {
        int slot = slotOf(bucket);
        long held = bucketOfSlot[slot];
        if (held != bucket) {
            if (held != EMPTY && held > bucket) {
                return false;
            }
            bucketOfSlot[slot] = bucket;
            events[slot] = 0;
            errors[slot] = 0;
            warnings[slot] = 0;
        }
        events[slot]++;
        if (level.isErrorOrWorse()) {
            errors[slot]++;
        } else if (level == Level.WARN) {
            warnings[slot]++;
        }
        return true;
    }

    /** Adds the buckets {@code fromBucket} (inclusive) to {@code toBucket} (exclusive) into {@code out}. */
    void sum(long fromBucket, long toBucket, WindowCounts out) {
        for (long bucket = fromBucket; bucket < toBucket; bucket++) {
            int slot = slotOf(bucket);
            if (bucketOfSlot[slot] == bucket) {
                out.add(events[slot], errors[slot], warnings[slot]);
            }
        }
    }

    private int slotOf(long bucket) {
        return (int) Math.floorMod(bucket, (long) bucketOfSlot.length);
    }
}

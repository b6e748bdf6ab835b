package io.seismo.rules.window;

import io.seismo.rules.event.Level;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;

/**
 * Event counts of one key in fixed time buckets, in a ring that is allocated once. A slot remembers which
 * absolute bucket it holds, so a slot left over from an older lap of the ring reads as empty and is reset
 * when reused: old buckets drop out without any sweeping.
 */
final class BucketRing {
    private static final long EMPTY = Long.MIN_VALUE;
    /** Bucket number, then events, errors and warnings. */
    private static final int SAVED_BUCKET_BYTES = Long.BYTES + 3 * Integer.BYTES;

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

    /**
     * Saves the buckets from {@code fromBucket} on; older ones can never be read again (see
     * {@link KeyedWindows#retainFrom}), and a slot that holds nothing behaves exactly like a stale one.
     */
    void writeTo(StateOutput out, long fromBucket) {
        int saved = 0;
        for (long bucket : bucketOfSlot) {
            saved += bucket != EMPTY && bucket >= fromBucket ? 1 : 0;
        }
        out.writeInt(saved);
        for (int slot = 0; slot < bucketOfSlot.length; slot++) {
            if (bucketOfSlot[slot] != EMPTY && bucketOfSlot[slot] >= fromBucket) {
                out.writeLong(bucketOfSlot[slot]);
                out.writeInt(events[slot]);
                out.writeInt(errors[slot]);
                out.writeInt(warnings[slot]);
            }
        }
    }

    /**
     * Reads saved buckets into this empty ring. The ring may be smaller than the one saved (less allowed
     * lateness now): a bucket that lands in a slot holding a newer one is dropped, as {@link #add} would.
     */
    void readFrom(StateInput in, long newestBucket) {
        int saved = in.readCount("buckets", SAVED_BUCKET_BYTES);
        for (int i = 0; i < saved; i++) {
            long bucket = in.readTime("bucket");
            int bucketEvents = in.readInt("events of a bucket");
            int bucketErrors = in.readInt("errors of a bucket");
            int bucketWarnings = in.readInt("warnings of a bucket");
            if (bucket > newestBucket) {
                throw new CorruptStateException("bucket " + bucket + " is past the newest bucket " + newestBucket);
            }
            if (bucketEvents < 1 || bucketErrors < 0 || bucketWarnings < 0
                    || (long) bucketErrors + bucketWarnings > bucketEvents) {
                throw new CorruptStateException("bucket " + bucket + " counts " + bucketEvents + " events, "
                        + bucketErrors + " errors and " + bucketWarnings + " warnings");
            }
            int slot = slotOf(bucket);
            if (bucketOfSlot[slot] == bucket) {
                throw new CorruptStateException("bucket " + bucket + " is saved twice");
            }
            if (bucketOfSlot[slot] == EMPTY || bucketOfSlot[slot] < bucket) {
                bucketOfSlot[slot] = bucket;
                events[slot] = bucketEvents;
                errors[slot] = bucketErrors;
                warnings[slot] = bucketWarnings;
            }
        }
    }
}

package io.seismo.rules.window;

import io.seismo.rules.event.Level;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

/**
 * Event counts of one key in fixed time buckets, in a ring that is allocated once. A slot remembers which
 * absolute bucket it holds, so a slot left over from an older lap of the ring reads as empty and is reset
 * when reused: old buckets drop out without any sweeping. A slot is three longs of one array (its bucket, its
 * events, its errors and warnings), so counting an event touches one place in memory, not four arrays.
 */
final class BucketRing {
    private static final long EMPTY = Long.MIN_VALUE;
    /** Bucket number, then events, errors and warnings. */
    private static final int SAVED_BUCKET_BYTES = Long.BYTES + 3 * Integer.BYTES;

    private static final int LONGS_PER_SLOT = 3;
    private static final int EVENTS = 1;
    /** Errors in the high half, warnings in the low half: each is at most the events, an int. */
    private static final int ERRORS_AND_WARNINGS = 2;
    private static final long ONE_ERROR = 1L << 32;

    private final int capacity;
    private final long[] slots;

    BucketRing(int capacity) {
        this.capacity = capacity;
        slots = new long[capacity * LONGS_PER_SLOT];
        clear();
    }

    int capacity() {
        return capacity;
    }

    void clear() {
        for (int at = 0; at < slots.length; at += LONGS_PER_SLOT) {
            slots[at] = EMPTY;
        }
    }

    /**
     * Counts one event in {@code bucket}. Returns false when the slot already holds a newer bucket, i.e. the
     * bucket is older than the ring retains (the caller keeps buckets inside the ring, so this is a guard).
     */
    boolean add(long bucket, Level level) {
        int at = slotOf(bucket);
        long held = slots[at];
        if (held != bucket) {
            if (held != EMPTY && held > bucket) {
                return false;
            }
            slots[at] = bucket;
            slots[at + EVENTS] = 0;
            slots[at + ERRORS_AND_WARNINGS] = 0;
        }
        slots[at + EVENTS]++;
        if (level.isErrorOrWorse()) {
            slots[at + ERRORS_AND_WARNINGS] += ONE_ERROR;
        } else if (level == Level.WARN) {
            slots[at + ERRORS_AND_WARNINGS]++;
        }
        return true;
    }

    /** Adds the buckets {@code fromBucket} (inclusive) to {@code toBucket} (exclusive) into {@code out}. */
    void sum(long fromBucket, long toBucket, WindowCounts out) {
        for (long bucket = fromBucket; bucket < toBucket; bucket++) {
            int at = slotOf(bucket);
            if (slots[at] == bucket) {
                out.add(events(at), errors(at), warnings(at));
            }
        }
    }

    /** Where the slot of {@code bucket} starts in {@link #slots}. */
    private int slotOf(long bucket) {
        return (int) Math.floorMod(bucket, (long) capacity) * LONGS_PER_SLOT;
    }

    private int events(int at) {
        return (int) slots[at + EVENTS];
    }

    private int errors(int at) {
        return (int) (slots[at + ERRORS_AND_WARNINGS] >>> 32);
    }

    private int warnings(int at) {
        return (int) slots[at + ERRORS_AND_WARNINGS];
    }

    /**
     * Saves the buckets from {@code fromBucket} on; older ones can never be read again (see
     * {@link KeyedWindows#retainFrom}), and a slot that holds nothing behaves exactly like a stale one.
     */
    void writeTo(StateOutput out, long fromBucket) {
        int saved = 0;
        for (int at = 0; at < slots.length; at += LONGS_PER_SLOT) {
            saved += isKept(at, fromBucket) ? 1 : 0;
        }
        out.writeInt(saved);
        for (int at = 0; at < slots.length; at += LONGS_PER_SLOT) {
            if (isKept(at, fromBucket)) {
                out.writeLong(slots[at]);
                out.writeInt(events(at));
                out.writeInt(errors(at));
                out.writeInt(warnings(at));
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
            int at = slotOf(bucket);
            if (slots[at] == bucket) {
                throw new CorruptStateException("bucket " + bucket + " is saved twice");
            }
            if (slots[at] == EMPTY || slots[at] < bucket) {
                slots[at] = bucket;
                slots[at + EVENTS] = bucketEvents;
                slots[at + ERRORS_AND_WARNINGS] = (long) bucketErrors << 32 | bucketWarnings;
            }
        }
    }

    private boolean isKept(int at, long fromBucket) {
        return slots[at] != EMPTY && slots[at] >= fromBucket;
    }
}

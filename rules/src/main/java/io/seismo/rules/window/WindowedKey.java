package io.seismo.rules.window;

import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.SnapshotEntry;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

/**
 * The state of one key of one rule: its count buckets, recent evidence, and whether the rule's condition
 * held at the last boundary (and since when). Created once per key and reused when its key is evicted.
 */
public final class WindowedKey extends SnapshotEntry {
    private static final long NO_BUCKET = Long.MIN_VALUE;
    /** Key, newest bucket, holds, since when, and the three counts of buckets and samples. */
    static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + Long.BYTES + 1 + Long.BYTES + 3 * Integer.BYTES;

    private final BucketRing ring;
    /**
     * The key's latest events, or once it has had an error its latest errors only (see {@link #record}): one ring
     * serves both, as the two are never kept at once. A hundred rules' keys are hundreds of thousands, and each
     * ring is two objects for every collector cycle to mark.
     */
    private final SampleRing samples;
    private boolean sampledErrors;
    private String key;
    private long newestBucket = NO_BUCKET;
    /** Bit i: rule i of those sharing these windows held at the last boundary (one rule: bit 0). */
    private long holdsBits;
    private long holdsSinceNanos;

    WindowedKey(String key, int ringCapacity, int sampleCapacity) {
        this.key = key;
        this.ring = new BucketRing(ringCapacity);
        this.samples = new SampleRing(sampleCapacity);
    }

    public String key() {
        return key;
    }

    @Override
    protected String mapKey() {
        return key;
    }

    /** Whether a condition (of any rule sharing these windows) held at the last boundary this key was evaluated at. */
    public boolean holds() {
        return holdsBits != 0;
    }

    /** Whether the condition of rule {@code rule} of those sharing these windows held at the last boundary. */
    public boolean holds(int rule) {
        return (holdsBits & 1L << rule) != 0;
    }

    /** The boundary at which a condition started to hold while none did; meaningful while {@link #holds()}. */
    public long holdsSinceNanos() {
        return holdsSinceNanos;
    }

    /** Records rule {@code rule}'s condition at {@code boundaryNanos} and says whether that is a change. */
    Transition update(int rule, boolean nowHolds, long boundaryNanos) {
        long bit = 1L << rule;
        if (nowHolds == ((holdsBits & bit) != 0)) {
            return Transition.UNCHANGED;
        }
        if (nowHolds) {
            if (holdsBits == 0) {
                holdsSinceNanos = boundaryNanos;
            }
            holdsBits |= bit;
            return Transition.STARTED;
        }
        holdsBits &= ~bit;
        return Transition.STOPPED;
    }

    /** Sample error messages and their trace ids; the latest events of any level when there were no errors. */
    public Evidence evidence(int maxMessages, int maxTraceIds) {
        return new Evidence(samples.messages(maxMessages), samples.traceIds(maxTraceIds));
    }

    /** Counts an event, keeping {@code sample} (its message and trace id, encoded) as evidence. */
    boolean record(long bucket, Level level, StateOutput sample) {
        if (!ring.add(bucket, level)) {
            return false;
        }
        newestBucket = Math.max(newestBucket, bucket);
        // Evidence is the errors once there are any, and only clearing the key forgets them: from the first
        // error on, the latest events of other levels are never asked for, so they are not kept.
        if (level.isErrorOrWorse()) {
            if (!sampledErrors) {
                samples.clear();
                sampledErrors = true;
            }
            samples.record(sample);
        } else if (!sampledErrors) {
            samples.record(sample);
        }
        return true;
    }

    void sum(long fromBucket, long toBucket, WindowCounts out) {
        out.clear();
        if (newestBucket >= fromBucket) {
            ring.sum(fromBucket, toBucket, out);
        }
    }

    boolean hasDataFrom(long bucket) {
        return newestBucket >= bucket;
    }

    void reuseFor(String newKey) {
        key = newKey;
        ring.clear();
        samples.clear();
        sampledErrors = false;
        newestBucket = NO_BUCKET;
        holdsBits = 0;
        holdsSinceNanos = 0;
    }

    /**
     * Saves this key with its buckets from {@code fromBucket} on; whether each rule holds as one flag, or with
     * {@code sharedBy} more than one rule as the bits of a long.
     */
    void writeTo(StateOutput out, long fromBucket, int sharedBy) {
        out.writeString(key);
        out.writeLong(newestBucket);
        if (sharedBy == 1) {
            out.writeBoolean(holdsBits != 0);
        } else {
            out.writeLong(holdsBits);
        }
        out.writeLong(holdsSinceNanos);
        ring.writeTo(out, fromBucket);
        // Saved as two lists, errors then latest events, one of them empty: the format of two rings.
        if (sampledErrors) {
            samples.writeTo(out);
            SampleRing.writeEmpty(out);
        } else {
            SampleRing.writeEmpty(out);
            samples.writeTo(out);
        }
    }

    /**
     * Reads a key saved by {@link #writeTo} into new state sized for this engine; the bits of rules sharing the
     * windows (saved by more than one rule) through {@code savedRules}, which says where each saved rule is now.
     */
    static WindowedKey readFrom(StateInput in, int ringCapacity, int sampleCapacity, SavedRules savedRules) {
        WindowedKey state = new WindowedKey(in.readString("key"), ringCapacity, sampleCapacity);
        try {
            state.newestBucket = in.readTimeOr(NO_BUCKET, "newest bucket");
            state.holdsBits = savedRules.toCurrent(savedRules.sharedBy() == 1
                    ? (in.readBoolean("whether the condition holds") ? 1 : 0)
                    : in.readLong("whether each rule's condition holds"));
            state.holdsSinceNanos = in.readTime("onset");
            state.ring.readFrom(in, state.newestBucket);
            state.sampledErrors = state.samples.readFrom(in, "error samples") > 0;
            if (state.sampledErrors) {
                SampleRing.readEmpty(in, "recent samples beside error samples");
            } else {
                state.samples.readFrom(in, "recent samples");
            }
        } catch (CorruptStateException e) {
            throw e.within("key '" + state.key + "'");
        }
        return state;
    }
}

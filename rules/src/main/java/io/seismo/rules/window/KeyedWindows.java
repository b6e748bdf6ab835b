package io.seismo.rules.window;

import io.seismo.rules.event.Level;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.AccessOrderMap;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The windows of one rule, one {@link WindowedKey} per key, over event time. Bounded twice: each key keeps
 * only the buckets that a window still to be evaluated (or an event within the allowed lateness) can
 * touch, and the rule keeps at most {@code maxKeys} keys, evicting the least recently updated one.
 */
public final class KeyedWindows {

    /** Told about a key just before its state is reused for another key. */
    public interface EvictionListener {
        void beforeEviction(WindowedKey evicted);
    }

    /** Sees each key with the counts of its window ending at the boundary being evaluated. */
    public interface KeyEvaluator {
        void evaluate(WindowedKey key, WindowCounts window);
    }

    private final WindowSpec spec;
    private final long bucketNanos;
    private final int ringCapacity;
    private final int sampleCapacity;
    private final int maxKeys;
    private final EvictionListener evictionListener;
    private final WindowCounts scratch = new WindowCounts();
    private final StateOutput sample = new StateOutput(256);
    // Access order: the oldest entry is the key that went longest without an event.
    private final AccessOrderMap<WindowedKey> keys = new AccessOrderMap<>();
    private long firstRetainedBucket = Long.MIN_VALUE;
    private long evictions;
    private long droppedEvents;

    public KeyedWindows(WindowSpec spec, long allowedLatenessNanos, int maxKeys, int sampleCapacity,
                        EvictionListener evictionListener) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.spec = spec;
        this.bucketNanos = spec.bucketNanos();
        // Buckets from the oldest window still to evaluate up to the newest event the watermark lets in.
        this.ringCapacity = (int) ((spec.sizeNanos() + Math.max(0, allowedLatenessNanos)) / bucketNanos) + 2;
        this.maxKeys = maxKeys;
        this.sampleCapacity = sampleCapacity;
        this.evictionListener = evictionListener;
    }

    public WindowSpec spec() {
        return spec;
    }

    /**
     * Counts an event for {@code key}. Returns false (and counts it as dropped) when its bucket is older than
     * every window still to be evaluated.
     */
    public boolean add(String key, long eventNanos, Level level, String message, String traceId) {
        long bucket = Math.floorDiv(eventNanos, bucketNanos);
        if (bucket < firstRetainedBucket) {
            droppedEvents++;
            return false;
        }
        WindowedKey state = keys.get(key);
        if (state == null) {
            state = admit(key);
        }
        if (!state.record(bucket, level, message, traceId, sample)) {
            droppedEvents++;
            return false;
        }
        return true;
    }

    /** Hands every key with its window ending at {@code boundaryNanos} to {@code evaluator}. */
    public void evaluate(long boundaryNanos, KeyEvaluator evaluator) {
        long from = Math.floorDiv(boundaryNanos - spec.sizeNanos(), bucketNanos);
        long to = Math.floorDiv(boundaryNanos, bucketNanos);
        for (WindowedKey state = keys.oldest(); state != null; state = keys.newerThan(state)) {
            state.sum(from, to, scratch);
            evaluator.evaluate(state, scratch);
        }
    }

    /**
     * Forgets buckets that no window ending at or after {@code nextBoundaryNanos} covers, and the keys left
     * with no data whose condition does not hold (a holding key stays until it resolves).
     */
    public void retainFrom(long nextBoundaryNanos) {
        firstRetainedBucket = Math.floorDiv(nextBoundaryNanos - spec.sizeNanos(), bucketNanos);
        WindowedKey state = keys.oldest();
        while (state != null) {
            WindowedKey next = keys.newerThan(state);
            if (!state.holds() && !state.hasDataFrom(firstRetainedBucket)) {
                keys.remove(state);
            }
            state = next;
        }
    }

    /** Records whether {@code key}'s condition holds at {@code boundaryNanos}; says whether that is a change. */
    public Transition update(WindowedKey key, boolean holds, long boundaryNanos) {
        keys.beforeChange(key);
        return key.update(holds, boundaryNanos);
    }

    public WindowedKey get(String key) {
        return keys.get(key);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }

    public long evictions() {
        return evictions;
    }

    /** Events too late for any window still to be evaluated. */
    public long droppedEvents() {
        return droppedEvents;
    }

    /**
     * Saves the counters and every key, least recently updated first (the order evictions follow). The keys
     * are written later, between events, each as it is now (see {@link AccessOrderMap}).
     */
    public void writeTo(StateOutput out) {
        long retainedFrom = firstRetainedBucket;
        out.writeLong(retainedFrom);
        out.writeLong(evictions);
        out.writeLong(droppedEvents);
        keys.writeTo(out, (state, to) -> state.writeTo(to, retainedFrom));
    }

    /** Reads what {@link #writeTo} wrote; installs it over this rule's (empty) windows once applied. */
    public StagedRestore readState(StateInput in) {
        long retainedFrom = in.readTimeOr(Long.MIN_VALUE, "first retained bucket");
        long savedEvictions = in.readCounter("evicted keys");
        long savedDropped = in.readCounter("events too late");
        int count = in.readCount("keys", maxKeys, WindowedKey.MIN_SAVED_BYTES);
        List<WindowedKey> restored = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            WindowedKey state = WindowedKey.readFrom(in, ringCapacity, sampleCapacity);
            if (!names.add(state.key())) {
                throw new CorruptStateException("key '" + state.key() + "' is saved twice");
            }
            restored.add(state);
        }
        return () -> {
            keys.clear();
            restored.forEach(keys::put); // in saved order, which rebuilds the access order
            firstRetainedBucket = retainedFrom;
            evictions = savedEvictions;
            droppedEvents = savedDropped;
        };
    }

    private WindowedKey admit(String key) {
        WindowedKey state;
        if (keys.size() >= maxKeys) {
            state = keys.oldest();
            keys.remove(state);
            evictions++;
            evictionListener.beforeEviction(state);
            state.reuseFor(key);
        } else {
            state = new WindowedKey(key, ringCapacity, sampleCapacity);
        }
        keys.put(state);
        return state;
    }
}

package io.seismo.rules.window;

import io.seismo.rules.event.Event;
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
 *
 * <p>A boundary is evaluated either at once ({@link #evaluate}, then {@link #retainFrom}) or in slices
 * ({@link #beginEvaluation}): a rule with a hundred thousand keys would otherwise hold up every event behind
 * the boundary for as long as its pass takes (tens of milliseconds).
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
    /** The rules whose conditions each key records (their counts are the same: same events, keys, window). */
    private final int sharedBy;
    private final EvictionListener evictionListener;
    private final WindowCounts scratch = new WindowCounts();
    private final EvidenceSample evidenceSample;
    // Access order: the oldest entry is the key that went longest without an event.
    private final AccessOrderMap<WindowedKey> keys = new AccessOrderMap<>();
    private final AccessOrderMap.Visitor<WindowedKey> evaluateAndRetain = this::evaluateAndRetain;
    private long firstRetainedBucket = Long.MIN_VALUE;
    /** The evaluation being made in slices: its buckets and what it hands keys to. */
    private long evaluatingFrom;
    private long evaluatingTo;
    private KeyEvaluator evaluator;
    private long evictions;
    private long droppedEvents;

    public KeyedWindows(WindowSpec spec, long allowedLatenessNanos, int maxKeys, int sampleCapacity,
                        EvidenceSample evidenceSample, EvictionListener evictionListener) {
        this(spec, allowedLatenessNanos, maxKeys, sampleCapacity, evidenceSample, 1, evictionListener);
    }

    /** Windows whose keys record the conditions of {@code sharedBy} rules (1 to 64), rule i as bit i. */
    public KeyedWindows(WindowSpec spec, long allowedLatenessNanos, int maxKeys, int sampleCapacity,
                        EvidenceSample evidenceSample, int sharedBy, EvictionListener evictionListener) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        if (sharedBy < 1 || sharedBy > Long.SIZE) {
            throw new IllegalArgumentException("windows are shared by 1 to " + Long.SIZE + " rules, not " + sharedBy);
        }
        this.sharedBy = sharedBy;
        this.spec = spec;
        this.bucketNanos = spec.bucketNanos();
        // Buckets from the oldest window still to evaluate up to the newest event the watermark lets in.
        this.ringCapacity = (int) ((spec.sizeNanos() + Math.max(0, allowedLatenessNanos)) / bucketNanos) + 2;
        this.maxKeys = maxKeys;
        this.sampleCapacity = sampleCapacity;
        this.evidenceSample = evidenceSample;
        this.evictionListener = evictionListener;
    }

    public WindowSpec spec() {
        return spec;
    }

    /**
     * Counts {@code event} for {@code key} at {@code level}, keeping its message and trace id as evidence.
     * Returns false (and counts it as dropped) when its bucket is older than every window still to be evaluated.
     */
    public boolean add(String key, long eventNanos, Level level, Event event) {
        long bucket = Math.floorDiv(eventNanos, bucketNanos);
        if (bucket < firstRetainedBucket) {
            droppedEvents++;
            return false;
        }
        WindowedKey state = keys.get(key);
        if (state == null) {
            state = admit(key);
        }
        if (!state.record(bucket, level, evidenceSample.of(event))) {
            droppedEvents++;
            return false;
        }
        return true;
    }

    /** Hands every key with its window ending at {@code boundaryNanos} to {@code evaluator}. */
    public void evaluate(long boundaryNanos, KeyEvaluator evaluator) {
        finishEvaluation();
        long from = Math.floorDiv(boundaryNanos - spec.sizeNanos(), bucketNanos);
        long to = Math.floorDiv(boundaryNanos, bucketNanos);
        for (WindowedKey state = keys.oldest(); state != null; state = keys.newerThan(state)) {
            state.sum(from, to, scratch);
            evaluator.evaluate(state, scratch);
        }
    }

    /**
     * What {@link #evaluate} at {@code boundaryNanos} and then {@link #retainFrom} {@code nextBoundaryNanos} do,
     * key by key, at most {@code maxKeys} keys now and the rest through {@link #evaluateMore}. Until it
     * completes, a key it has not reached yet is evaluated first when an event for it arrives, and it completes
     * before a key is evicted, so each key is evaluated as it was at the boundary. Says whether it is complete;
     * one begun while another is incomplete completes that one first.
     */
    public boolean beginEvaluation(long boundaryNanos, long nextBoundaryNanos, int maxKeys, KeyEvaluator evaluator) {
        finishEvaluation();
        this.evaluatingFrom = Math.floorDiv(boundaryNanos - spec.sizeNanos(), bucketNanos);
        this.evaluatingTo = Math.floorDiv(boundaryNanos, bucketNanos);
        this.evaluator = evaluator;
        this.firstRetainedBucket = Math.floorDiv(nextBoundaryNanos - spec.sizeNanos(), bucketNanos);
        keys.beginPass(evaluateAndRetain);
        return keys.visitMore(maxKeys);
    }

    /** Evaluates up to {@code maxKeys} more keys of the evaluation begun last; says whether it is complete. */
    public boolean evaluateMore(int maxKeys) {
        return keys.visitMore(maxKeys);
    }

    /** Evaluates every key left in the evaluation begun last, if any. */
    public void finishEvaluation() {
        keys.finishPass();
    }

    /** Whether an evaluation begun with {@link #beginEvaluation} has keys left. */
    public boolean isEvaluating() {
        return keys.isPassing();
    }

    /**
     * Forgets buckets that no window ending at or after {@code nextBoundaryNanos} covers, and the keys left
     * with no data whose condition does not hold (a holding key stays until it resolves). Already retaining from
     * there, there is nothing to do: {@link #beginEvaluation} forgets key by key.
     */
    public void retainFrom(long nextBoundaryNanos) {
        long first = Math.floorDiv(nextBoundaryNanos - spec.sizeNanos(), bucketNanos);
        if (first == firstRetainedBucket) {
            return;
        }
        finishEvaluation();
        firstRetainedBucket = first;
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
        return update(key, 0, holds, boundaryNanos);
    }

    /** Records whether the condition of rule {@code rule} of those sharing the windows holds for {@code key}. */
    public Transition update(WindowedKey key, int rule, boolean holds, long boundaryNanos) {
        keys.beforeChange(key);
        return key.update(rule, holds, boundaryNanos);
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
        if (isEvaluating()) {
            // Its findings would not be in the snapshot, and its keys would be saved half evaluated.
            throw new IllegalStateException("finish the evaluation of the boundary before taking a snapshot");
        }
        long retainedFrom = firstRetainedBucket;
        out.writeLong(retainedFrom);
        out.writeLong(evictions);
        out.writeLong(droppedEvents);
        keys.writeTo(out, (state, to) -> state.writeTo(to, retainedFrom, sharedBy));
    }

    /** Reads what {@link #writeTo} wrote; installs it over this rule's (empty) windows once applied. */
    public StagedRestore readState(StateInput in) {
        return readState(in, SavedRules.ONE);
    }

    /**
     * Reads what {@link #writeTo} of windows shared by {@code savedRules} wrote, each key's conditions moved to
     * the rules sharing these windows now; installs it once applied.
     */
    public StagedRestore readState(StateInput in, SavedRules savedRules) {
        long retainedFrom = in.readTimeOr(Long.MIN_VALUE, "first retained bucket");
        long savedEvictions = in.readCounter("evicted keys");
        long savedDropped = in.readCounter("events too late");
        int count = in.readCount("keys", maxKeys, WindowedKey.MIN_SAVED_BYTES);
        List<WindowedKey> restored = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            WindowedKey state = WindowedKey.readFrom(in, ringCapacity, sampleCapacity, savedRules);
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
        if (keys.size() >= maxKeys) {
            // An evaluation in progress forgets the keys left without data, which makes room as it would have at
            // once; only then is a key evicted.
            finishEvaluation();
        }
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

    private void evaluateAndRetain(WindowedKey state) {
        state.sum(evaluatingFrom, evaluatingTo, scratch);
        evaluator.evaluate(state, scratch);
        if (!state.holds() && !state.hasDataFrom(firstRetainedBucket)) {
            keys.remove(state);
        }
    }
}

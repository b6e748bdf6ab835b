package io.seismo.rules.window;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of one metric rule, per key and series, over event time. Bounded like {@link KeyedWindows}: samples
 * older than every window still to be evaluated are forgotten (or, arriving, dropped and counted), and the rule
 * keeps at most {@code maxKeys} keys, evicting the least recently updated one.
 */
public final class MetricWindows {

    /** Told about a key just before it is forgotten to make room for another. */
    public interface EvictionListener {
        void beforeEviction(MetricKey evicted);
    }

    /** Sees each key with its figures over the window ending at the boundary being evaluated. */
    public interface KeyEvaluator {
        void evaluate(MetricKey key, MetricFigures window);
    }

    private final WindowSpec spec;
    private final int maxKeys;
    private final EvictionListener evictionListener;
    private final MetricFigures scratch = new MetricFigures();
    // Access order: the eldest entry is the key that went longest without a sample.
    private final LinkedHashMap<String, MetricKey> keys = new LinkedHashMap<>(16, 0.75f, true);
    private long retainedFromNanos = Long.MIN_VALUE;
    private long evictions;
    private long droppedSamples;

    public MetricWindows(WindowSpec spec, int maxKeys, EvictionListener evictionListener) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.spec = spec;
        this.maxKeys = maxKeys;
        this.evictionListener = evictionListener;
    }

    /**
     * Records a sample of series {@code seriesId} for {@code key}. Returns false (and counts it as dropped) when it
     * is older than every window still to be evaluated, or the key has no room for another series.
     */
    public boolean add(String key, String seriesId, double bucketBound, long timeNanos, double value) {
        if (timeNanos < retainedFromNanos) {
            droppedSamples++;
            return false;
        }
        MetricKey state = keys.get(key);
        if (state == null) {
            state = admit(key);
        }
        MetricSeries series = state.series(seriesId, bucketBound);
        if (series == null) {
            droppedSamples++;
            return false;
        }
        series.add(timeNanos, value);
        return true;
    }

    /**
     * The key's state if its condition holds now, else null. Walks the keys rather than looking one up: a
     * lookup would count as an access and reorder them for eviction.
     */
    public MetricKey holding(String key) {
        for (MetricKey state : keys.values()) {
            if (state.holds() && state.key().equals(key)) {
                return state;
            }
        }
        return null;
    }

    /** Hands every key with its figures over {@code [boundary - size, boundary)} to {@code evaluator}. */
    public void evaluate(long boundaryNanos, KeyEvaluator evaluator) {
        for (MetricKey state : keys.values()) {
            state.sum(boundaryNanos - spec.sizeNanos(), boundaryNanos, scratch);
            evaluator.evaluate(state, scratch);
        }
    }

    /** Forgets samples no window ending at or after {@code nextBoundaryNanos} covers, and keys left empty and calm. */
    public void retainFrom(long nextBoundaryNanos) {
        retainedFromNanos = nextBoundaryNanos - spec.sizeNanos();
        Iterator<MetricKey> it = keys.values().iterator();
        while (it.hasNext()) {
            MetricKey state = it.next();
            state.retainFrom(retainedFromNanos);
            if (state.isEmpty() && !state.holds()) {
                it.remove();
            }
        }
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public long evictions() {
        return evictions;
    }

    /** Samples too late for any window still to be evaluated, or beyond a key's series bound. */
    public long droppedSamples() {
        return droppedSamples;
    }

    public void writeTo(StateOutput out) {
        out.writeLong(retainedFromNanos);
        out.writeLong(evictions);
        out.writeLong(droppedSamples);
        out.writeInt(keys.size());
        for (MetricKey state : keys.values()) { // iterating values does not touch the access order
            state.writeTo(out);
        }
    }

    /** Reads what {@link #writeTo} wrote; installs it over this rule's (empty) windows once applied. */
    public StagedRestore readState(StateInput in) {
        long retainedFrom = in.readLong("samples retained from");
        long savedEvictions = in.readCounter("evicted keys");
        long savedDropped = in.readCounter("samples dropped");
        int count = in.readCount("keys", maxKeys, MetricKey.MIN_SAVED_BYTES);
        LinkedHashMap<String, MetricKey> restored = new LinkedHashMap<>(Math.max(16, count * 2), 0.75f, true);
        for (int i = 0; i < count; i++) {
            MetricKey state = MetricKey.readFrom(in);
            if (restored.put(state.key(), state) != null) {
                throw new CorruptStateException("key '" + state.key() + "' is saved twice");
            }
        }
        return () -> {
            keys.clear();
            keys.putAll(restored);
            retainedFromNanos = retainedFrom;
            evictions = savedEvictions;
            droppedSamples = savedDropped;
        };
    }

    private MetricKey admit(String key) {
        if (keys.size() >= maxKeys) {
            Iterator<Map.Entry<String, MetricKey>> eldest = keys.entrySet().iterator();
            MetricKey evicted = eldest.next().getValue();
            eldest.remove();
            evictions++;
            evictionListener.beforeEviction(evicted);
        }
        MetricKey state = new MetricKey(key);
        keys.put(key, state);
        return state;
    }
}

package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The per-label-value children of a metric (an agent's counters, a service's health) with the label's
 * cardinality capped: the first {@code maxValues} distinct values get their own child, every later value
 * shares the {@value #OVERFLOW} child and each such use is counted, so a misconfigured fleet cannot grow
 * the scrape without bound and the operator can see the cap was hit. A missing value is {@value #UNKNOWN}
 * (not counted against the cap). Children are created once and cached; safe from any thread.
 */
public final class BoundedChildren<T> {
    public static final String OVERFLOW = "other";
    public static final String UNKNOWN = "unknown";

    private final int maxValues;
    private final Function<String, T> create;
    private final CounterDataPoint overflowed;
    private final Map<String, T> children = new ConcurrentHashMap<>();
    private final AtomicInteger admitted = new AtomicInteger();

    /**
     * @param create     makes the child for one label value (called once per value)
     * @param overflowed counts every use of a value that did not fit under the cap
     */
    public BoundedChildren(int maxValues, Function<String, T> create, CounterDataPoint overflowed) {
        if (maxValues < 1) {
            throw new IllegalArgumentException("maxValues must be at least 1, was " + maxValues);
        }
        this.maxValues = maxValues;
        this.create = create;
        this.overflowed = overflowed;
    }

    /** The child for {@code value}: its own while under the cap, else the shared overflow child. */
    public T child(String value) {
        if (value == null || value.isBlank()) {
            return children.computeIfAbsent(UNKNOWN, create);
        }
        T child = children.get(value);
        if (child != null) {
            return child;
        }
        child = children.computeIfAbsent(value, this::admit);
        if (child != null) {
            return child;
        }
        overflowed.inc();
        return children.computeIfAbsent(OVERFLOW, create);
    }

    /** Visits every child made so far with its label value (for gauges computed at scrape time). */
    public void forEach(BiConsumer<String, T> visitor) {
        children.forEach(visitor);
    }

    public int maxValues() {
        return maxValues;
    }

    /** Runs under the map's lock for this key, so two callers cannot both take the last place. */
    private T admit(String value) {
        if (value.equals(OVERFLOW) || value.equals(UNKNOWN)) {
            return create.apply(value);
        }
        if (admitted.incrementAndGet() > maxValues) {
            admitted.decrementAndGet();
            return null;
        }
        return create.apply(value);
    }
}

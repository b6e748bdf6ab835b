package io.seismo.daemon.correlate;

import io.seismo.rules.correlate.TraceSummary;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last closed traces, for the API ({@code GET /v1/traces/{id}}) and {@code seismo status}. The correlator
 * thread adds one per closed trace, about one per line under load, so adding is a store into a ring: a map and a
 * queue took two allocations and a hash insert and delete per trace, a sixth of trace assembly's time (JFR).
 * Finding a trace scans the ring newest first, which an API call can afford. One writer (the correlator thread),
 * any number of readers (event loops). A trace id closed twice is kept twice; the newer is found.
 */
public final class RecentTraces {
    private final AtomicReferenceArray<TraceSummary> ring;
    /** Traces added so far; written after the slot, so a reader that sees a count sees the slots before it. */
    private volatile long added;

    public RecentTraces(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** On the correlator thread only. */
    public void add(TraceSummary trace) {
        long next = added;
        ring.setRelease((int) (next % ring.length()), trace);
        added = next + 1;
    }

    /**
     * The newest kept trace with this id. A trace the writer overwrites during the scan may be missed: it was the
     * oldest kept, on its way out.
     */
    public Optional<TraceSummary> find(String traceId) {
        long count = added; // read once: the bounds of one scan come from one moment
        long oldest = Math.max(0, count - ring.length());
        for (long i = count - 1; i >= oldest; i--) {
            TraceSummary trace = ring.getAcquire((int) (i % ring.length()));
            if (trace != null && trace.traceId().equals(traceId)) {
                return Optional.of(trace);
            }
        }
        return Optional.empty();
    }

    /** How many closed traces are kept. */
    public int size() {
        return (int) Math.min(added, ring.length());
    }
}

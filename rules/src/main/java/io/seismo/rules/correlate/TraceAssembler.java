package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.DeferredEntries;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups events by trace id into session windows: a trace closes once the watermark is {@code gapNanos}
 * past its newest event. At most {@code maxOpenTraces} are open; beyond that the trace that went longest
 * without an event is closed early and counted as evicted (its summary is still delivered).
 */
public final class TraceAssembler {
    private final long gapNanos;
    private final int maxOpenTraces;
    private final int maxSpansPerTrace;
    private final EdgeObserver edges;
    private final Consumer<TraceSummary> closed;
    // Access order: the head is the trace whose latest event arrived longest ago, i.e. the next to close.
    private final LinkedHashMap<String, OpenTrace> open = new LinkedHashMap<>(1024, 0.75f, true);
    private long evicted;
    /** The traces of the snapshot being written; every trace in it is saved before it changes. */
    private DeferredEntries<OpenTrace> saving;

    public TraceAssembler(long gapNanos, int maxOpenTraces, int maxSpansPerTrace, EdgeObserver edges,
                          Consumer<TraceSummary> closed) {
        if (gapNanos <= 0 || maxOpenTraces < 1 || maxSpansPerTrace < 1) {
            throw new IllegalArgumentException("trace gap, open traces and spans per trace must be positive");
        }
        this.gapNanos = gapNanos;
        this.maxOpenTraces = maxOpenTraces;
        this.maxSpansPerTrace = maxSpansPerTrace;
        this.edges = edges;
        this.closed = closed;
    }

    public void add(Event event, long eventNanos) {
        String traceId = event.getTraceId();
        if (traceId == null || traceId.isEmpty()) {
            return;
        }
        OpenTrace trace = open.get(traceId);
        if (trace == null) {
            if (open.size() >= maxOpenTraces) {
                evictEldest();
            }
            trace = new OpenTrace(traceId, maxSpansPerTrace);
            open.put(traceId, trace);
        } else if (trace.awaitsSave()) {
            saving.saveBeforeChange(trace); // closing and evicting do not change a trace: only this does
        }
        trace.add(event, eventNanos, edges);
    }

    /**
     * Closes the traces whose gap has passed at {@code watermarkNanos}. Walks from the head and stops at
     * the first trace still open, so a trace that received a late event may close up to the allowed
     * lateness after its gap.
     */
    public void closeUpTo(long watermarkNanos) {
        Iterator<Map.Entry<String, OpenTrace>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            OpenTrace trace = it.next().getValue();
            if (trace.endNanos() > watermarkNanos - gapNanos) {
                return;
            }
            it.remove();
            closed.accept(trace.close(edges));
        }
    }

    public int openTraces() {
        return open.size();
    }

    public long evicted() {
        return evicted;
    }

    /**
     * Saves the eviction counter and every open trace, next to close first. The traces are written later,
     * between events, each as it is now (see {@link DeferredEntries}).
     */
    public void writeTo(StateOutput out) {
        out.writeLong(evicted);
        // Iterating values does not touch the access order.
        saving = out.writeEntries(open.values(), OpenTrace::writeTo);
    }

    /** Reads what {@link #writeTo} wrote; replaces the (empty) open traces once applied. */
    public StagedRestore readState(StateInput in) {
        long savedEvicted = in.readCounter("evicted traces");
        int count = in.readCount("open traces", maxOpenTraces, OpenTrace.MIN_SAVED_BYTES);
        LinkedHashMap<String, OpenTrace> restored = new LinkedHashMap<>(Math.max(16, count * 2));
        for (int i = 0; i < count; i++) {
            OpenTrace trace = OpenTrace.readFrom(in, maxSpansPerTrace);
            if (restored.put(trace.traceId(), trace) != null) {
                throw new CorruptStateException("trace " + trace.traceId() + " is saved twice");
            }
        }
        return () -> {
            open.clear();
            open.putAll(restored); // in saved order, which rebuilds the access order
            evicted = savedEvicted;
        };
    }

    private void evictEldest() {
        Iterator<Map.Entry<String, OpenTrace>> eldest = open.entrySet().iterator();
        OpenTrace trace = eldest.next().getValue();
        eldest.remove();
        evicted++;
        closed.accept(trace.close(edges));
    }
}

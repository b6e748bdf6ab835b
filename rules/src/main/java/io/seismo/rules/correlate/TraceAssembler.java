package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.AccessOrderMap;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Groups events by trace id into session windows: a trace closes once the watermark is {@code gapNanos}
 * past its newest event. At most {@code maxOpenTraces} are open; beyond that the trace that went longest
 * without an event is closed early and counted as evicted (its summary is still delivered).
 */
public final class TraceAssembler {
    /** Far more services than a fleet has; a field with more distinct values is not a service name. */
    private static final int MAX_SHARED_SERVICE_NAMES = 100_000;

    private final long gapNanos;
    private final int maxOpenTraces;
    private final int maxSpansPerTrace;
    private final EdgeObserver edges;
    private final Consumer<TraceSummary> closed;
    // Access order: the head is the trace whose latest event arrived longest ago, i.e. the next to close.
    private final AccessOrderMap<OpenTrace> open = new AccessOrderMap<>();
    private final SharedNames serviceNames = new SharedNames(MAX_SHARED_SERVICE_NAMES);
    private final SpanKey spanKey = new SpanKey();
    private final SpanKey parentKey = new SpanKey();
    private long evicted;

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
        // Looked up as the parser's characters: a String is made only for a trace not open yet (its key).
        CharSequence traceId = event.traceIdText();
        if (traceId == null || traceId.isEmpty()) {
            return;
        }
        OpenTrace trace = open.get(traceId);
        if (trace == null) {
            if (open.size() >= maxOpenTraces) {
                evictEldest();
            }
            trace = new OpenTrace(event.getTraceId(), maxSpansPerTrace);
            open.put(trace);
        }
        trace.add(event, serviceNames.share(event.getService()), eventNanos, edges, spanKey, parentKey);
    }

    /**
     * Closes the traces whose gap has passed at {@code watermarkNanos}. Walks from the head and stops at
     * the first trace still open, so a trace that received a late event may close up to the allowed
     * lateness after its gap.
     */
    public void closeUpTo(long watermarkNanos) {
        OpenTrace trace = open.oldest();
        while (trace != null && trace.endNanos() <= watermarkNanos - gapNanos) {
            open.remove(trace);
            closed.accept(trace.close(edges));
            trace = open.oldest();
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
     * between events, each as it is now (see {@link AccessOrderMap}).
     */
    public void writeTo(StateOutput out) {
        out.writeLong(evicted);
        open.writeTo(out, OpenTrace::writeTo);
    }

    /** Reads what {@link #writeTo} wrote; replaces the (empty) open traces once applied. */
    public StagedRestore readState(StateInput in) {
        long savedEvicted = in.readCounter("evicted traces");
        int count = in.readCount("open traces", maxOpenTraces, OpenTrace.MIN_SAVED_BYTES);
        List<OpenTrace> restored = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            OpenTrace trace = OpenTrace.readFrom(in, maxSpansPerTrace);
            if (!ids.add(trace.traceId())) {
                throw new CorruptStateException("trace " + trace.traceId() + " is saved twice");
            }
            restored.add(trace);
        }
        return () -> {
            open.clear();
            restored.forEach(open::put); // in saved order, which rebuilds the access order
            evicted = savedEvicted;
        };
    }

    private void evictEldest() {
        OpenTrace trace = open.oldest();
        open.remove(trace);
        evicted++;
        closed.accept(trace.close(edges));
    }
}

package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.AccessOrderMap;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayDeque;
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
    private static final int MAX_SERVICE_IDS = 100_000;
    /**
     * Closed traces kept to be opened again. A trace lives for its gap, seconds: made new, each was copied by
     * every young collection of its life and promoted to die in the old generation, most of what the daemon
     * promoted under load. Traces close in bursts as the watermark moves, so a few thousand are kept.
     */
    private static final int MAX_SPARE_TRACES = 8_192;

    private final long gapNanos;
    private final int maxOpenTraces;
    private final int maxSpansPerTrace;
    private final EdgeObserver edges;
    private final Consumer<TraceSummary> closed;
    // Access order: the head is the trace whose latest event arrived longest ago, i.e. the next to close.
    private final AccessOrderMap<OpenTrace> open = new AccessOrderMap<>();
    private final ServiceIds serviceIds = new ServiceIds(MAX_SERVICE_IDS);
    private final AddingScratch adding = new AddingScratch();
    private final ClosingScratch closing = new ClosingScratch();
    private final ArrayDeque<OpenTrace> spare = new ArrayDeque<>();
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
        // Looked up and kept as the parser's characters: no String is made for a trace id.
        CharSequence traceId = event.traceIdText();
        if (traceId == null || traceId.isEmpty()) {
            return;
        }
        OpenTrace trace = open.get(traceId);
        if (trace == null) {
            if (open.size() >= maxOpenTraces) {
                evictEldest();
            }
            trace = openTrace(traceId);
            open.put(trace);
        }
        String service = event.getService();
        int serviceId = service == null ? ServiceIds.NO_ID : serviceIds.idOf(service);
        trace.add(event, service, serviceId, eventNanos, edges, adding);
    }

    /**
     * Closes the traces whose gap has passed at {@code watermarkNanos}. Walks from the head and stops at
     * the first trace still open, so a trace that received a late event may close up to the allowed
     * lateness after its gap.
     */
    public void closeUpTo(long watermarkNanos) {
        OpenTrace trace = open.oldest();
        while (trace != null && trace.endNanos() <= watermarkNanos - gapNanos) {
            closeTrace(trace);
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

    /**
     * Reads what {@link #writeTo} wrote, or an older snapshot's traces in {@code encoding}; replaces the (empty)
     * open traces once applied.
     */
    public StagedRestore readState(StateInput in, TraceEncoding encoding) {
        long savedEvicted = in.readCounter("evicted traces");
        int count = in.readCount("open traces", maxOpenTraces, OpenTrace.minSavedBytes(encoding));
        List<OpenTrace> restored = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            OpenTrace trace = OpenTrace.readFrom(in, encoding, maxSpansPerTrace, serviceIds);
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
        evicted++;
        closeTrace(open.oldest());
    }

    private OpenTrace openTrace(CharSequence traceId) {
        OpenTrace trace = spare.pollLast();
        if (trace == null) {
            return new OpenTrace(traceId, maxSpansPerTrace, serviceIds);
        }
        trace.reuseFor(traceId, adding);
        return trace;
    }

    private void closeTrace(OpenTrace trace) {
        open.remove(trace);
        closed.accept(trace.close(edges, closing));
        if (spare.size() < MAX_SPARE_TRACES && trace.isWorthReusing()) {
            spare.addLast(trace); // its summary holds none of it
        }
    }
}

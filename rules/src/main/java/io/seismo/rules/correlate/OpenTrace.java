package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.CharKeyedEntry;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A trace still being assembled. Edges come from span parents (the parent span's service calls the child
 * span's service); a child seen before its parent waits for it. A trace without span ids gets a chain by
 * call order instead: each service calls the next one first seen after it. Every table is bounded by
 * {@code maxSpans}, so one runaway trace id cannot take the heap.
 */
final class OpenTrace extends CharKeyedEntry {

    /** Format 2: trace id, four times and the event count, first error, two flags, chain tail and four table sizes. */
    private static final int MIN_FIXED_WIDTH_BYTES = StateInput.MIN_STRING_BYTES + 5 * Long.BYTES
            + StateInput.MIN_NULLABLE_STRING_BYTES + 2 + Integer.BYTES + 4 * Integer.BYTES;
    /** {@link #writeTo}: trace id, event count, start, end, flags and four table sizes. */
    private static final int MIN_COMPACT_BYTES = StateInput.MIN_STRING_BYTES + 1 + Long.BYTES + 1 + 1 + 4;
    private static final int SAW_SPAN_IDS = 1;
    private static final int SAW_PARENTS = 2;
    private static final int FAILED = 4;
    private static final int CHAINED = 8;
    private static final int NO_SERVICE = -1;

    /** Past these, a closed trace's tables are too large to keep for the next one (see {@link #isWorthReusing}). */
    private static final int MAX_REUSED_ENTRIES = 16;
    static final int MAX_REUSED_SPAN_BYTES = 4 * 1024;
    private static final int MAX_REUSED_ID_CHARS = 256;
    /** Up to this many services a trace's are ordered by insertion, allocating nothing but the result. */
    private static final int INSERTION_SORTED_SERVICES = 32;

    private final int maxSpans;
    // A million open traces must fit in a gigabyte, and each is changed for nearly every event: services, spans
    // and edges are kept in a few flat arrays by a service's arrival index, not in maps of small objects.
    private final TraceServices services;
    private final SpanTable spans = new SpanTable();
    /** Held only while some child that arrived before its parent waits for it (see {@link AddingScratch}). */
    private AwaitedParents awaited;
    private boolean sawSpanIds;
    private boolean sawParents;
    /** The arrival of the last service in call order, or NO_SERVICE. */
    private int chainTail;
    private long chainTailNanos;
    private long eventCount;
    private long startNanos;
    private long endNanos;
    private long firstErrorNanos;
    private String firstErrorMessage;

    OpenTrace(CharSequence traceId, int maxSpans, ServiceIds serviceIds) {
        this.maxSpans = maxSpans;
        this.services = new TraceServices(serviceIds);
        reset(traceId);
    }

    /**
     * Empties the trace for another id, keeping its tables' arrays; a table of awaited parents goes back to
     * {@code scratch}. Call only on a trace in no map: its map files it under its id.
     */
    void reuseFor(CharSequence newTraceId, AddingScratch scratch) {
        if (awaited != null) {
            scratch.giveBack(awaited);
            awaited = null;
        }
        reset(newTraceId);
    }

    private void reset(CharSequence newTraceId) {
        setKey(newTraceId); // the trace is filed under its id, held as characters: see CharKeyedEntry
        services.clear();
        spans.clear();
        sawSpanIds = false;
        sawParents = false;
        chainTail = NO_SERVICE;
        chainTailNanos = 0;
        eventCount = 0;
        startNanos = Long.MAX_VALUE;
        endNanos = Long.MIN_VALUE;
        firstErrorNanos = Long.MAX_VALUE;
        firstErrorMessage = null;
    }

    /**
     * Whether a closed trace is small enough to keep for the next one: a few services, spans and edges, as
     * nearly every trace is. A runaway trace's large tables are left to the collector instead.
     */
    boolean isWorthReusing() {
        return keyCapacity() <= MAX_REUSED_ID_CHARS
                && services.size() <= MAX_REUSED_ENTRIES && services.callCount() <= MAX_REUSED_ENTRIES
                && spans.size() <= MAX_REUSED_ENTRIES && spans.retainedBytes() <= MAX_REUSED_SPAN_BYTES
                && (awaited == null || awaited.retainedBytes() <= MAX_REUSED_SPAN_BYTES);
    }

    String traceId() {
        return toString();
    }

    long endNanos() {
        return endNanos;
    }

    /**
     * Adds an event whose service is {@code service}, numbered {@code serviceId} (see {@link ServiceIds}).
     */
    void add(Event event, String service, int serviceId, long eventNanos, EdgeObserver edges, AddingScratch scratch) {
        eventCount++;
        startNanos = Math.min(startNanos, eventNanos);
        endNanos = Math.max(endNanos, eventNanos);
        if (event.isError() && eventNanos < firstErrorNanos) {
            firstErrorNanos = eventNanos;
            firstErrorMessage = event.getMessage();
        }
        if (service == null) {
            return;
        }
        int arrival = services.indexOf(service, serviceId);
        boolean newService = arrival < 0;
        if (newService) {
            if (services.size() >= maxSpans) {
                return;
            }
            arrival = services.add(service, serviceId, eventNanos);
        } else {
            services.seenAt(arrival, eventNanos);
        }
        if (event.isError()) {
            services.markFailed(arrival);
        }
        learnEdges(event, arrival, newService, eventNanos, edges, scratch);
    }

    private void learnEdges(Event event, int arrival, boolean newService, long eventNanos,
                            EdgeObserver edges, AddingScratch scratch) {
        CharSequence spanId = event.spanIdText();
        CharSequence parentSpanId = event.parentSpanIdText();
        if (spanId != null) {
            sawSpanIds = true;
            SpanKey span = scratch.span.set(spanId);
            if (spans.size() < maxSpans && spans.putIfAbsent(span, arrival) && awaited != null) {
                for (int child = awaited.takeChild(span); child >= 0; child = awaited.takeChild(span)) {
                    parentEdge(arrival, child, eventNanos, edges);
                }
                if (awaited.size() == 0) {
                    scratch.giveBack(awaited);
                    awaited = null;
                }
            }
        }
        if (parentSpanId != null) {
            sawParents = true;
            SpanKey parent = scratch.parent.set(parentSpanId);
            int parentService = spans.serviceOf(parent);
            if (parentService >= 0) {
                parentEdge(parentService, arrival, eventNanos, edges);
            } else {
                if (awaited == null) {
                    awaited = scratch.emptyAwaitedParents();
                }
                if (awaited.size() < maxSpans) {
                    awaited.await(parent, arrival);
                }
            }
        } else if (!sawSpanIds && newService) {
            // Call order is only safe to learn early while services arrive in event-time order; anything
            // else is settled when the trace closes.
            if (chainTail == NO_SERVICE || eventNanos >= chainTailNanos) {
                if (chainTail != NO_SERVICE) {
                    services.reportCall(chainTail, arrival, eventNanos, edges);
                }
                chainTail = arrival;
                chainTailNanos = eventNanos;
            }
        }
    }

    private void parentEdge(int caller, int callee, long atNanos, EdgeObserver edges) {
        if (caller != callee && services.addCall(caller, callee)) {
            services.reportCall(caller, callee, atNanos, edges);
        }
    }

    /**
     * Closes the trace: settles call-order edges with the graph and summarises. Nearly every line opens a trace
     * that closes a gap later, so this runs once a line: the services are ordered in {@code scratch} without boxing or
     * comparators, the summary's lists are made without arrays of their own for up to three elements, and an edge
     * between numbered services is the one object {@link ServiceIds#edge} keeps for it.
     */
    TraceSummary close(EdgeObserver edges, ClosingScratch scratch) {
        int count = services.size();
        int[] byFirstSeen = arrivalsByFirstSeen(count, scratch.order(count));
        for (int k = 0; k < count; k++) {
            scratch.services.add(services.nameAt(byFirstSeen[k]));
            if (services.failedAt(byFirstSeen[k])) {
                scratch.errorServices.add(services.nameAt(byFirstSeen[k]));
            }
        }
        if (sawParents) {
            for (int i = 0; i < services.callCount(); i++) {
                scratch.edges.add(services.edge(services.callerOf(i), services.calleeOf(i)));
            }
        } else {
            for (int k = 1; k < count; k++) {
                scratch.edges.add(services.edge(byFirstSeen[k - 1], byFirstSeen[k]));
                services.reportCall(byFirstSeen[k - 1], byFirstSeen[k], endNanos, edges);
            }
        }
        return new TraceSummary(traceId(), scratch.services.take(), scratch.edges.take(), scratch.errorServices.take(),
                firstErrorMessage, eventCount, startNanos, endNanos);
    }

    /**
     * Arrival indices ordered by when each service was first seen, in the first {@code count} of {@code order};
     * arrival order breaks ties (a stable sort).
     */
    private int[] arrivalsByFirstSeen(int count, int[] order) {
        if (count > INSERTION_SORTED_SERVICES) { // a runaway trace: n log n, boxed
            Integer[] boxed = new Integer[count];
            Arrays.setAll(boxed, arrival -> arrival);
            Arrays.sort(boxed, Comparator.comparingLong((Integer arrival) -> services.firstSeenAt(arrival)));
            for (int k = 0; k < count; k++) {
                order[k] = boxed[k];
            }
            return order;
        }
        for (int arrival = 0; arrival < count; arrival++) {
            long first = services.firstSeenAt(arrival);
            int k = arrival;
            for (; k > 0 && services.firstSeenAt(order[k - 1]) > first; k--) {
                order[k] = order[k - 1];
            }
            order[k] = arrival;
        }
        return order;
    }

    /**
     * Saves the trace as kept, {@link TraceEncoding#COMPACT}: times as how long after the trace's start, counts and
     * indexes as variable-length numbers, the flags and which optional parts follow in one byte. Services are
     * written once, in arrival order; the span table, the children waiting for a parent and the edges refer to them
     * by that index (a service's {@code arrival}).
     */
    void writeTo(StateOutput out) {
        out.writeId(this);
        out.writeVarLong(eventCount);
        out.writeLong(startNanos);
        out.writeVarLong(endNanos - startNanos);
        boolean failed = firstErrorNanos != Long.MAX_VALUE;
        boolean chained = chainTail != NO_SERVICE;
        out.writeByte((sawSpanIds ? SAW_SPAN_IDS : 0) | (sawParents ? SAW_PARENTS : 0) | (failed ? FAILED : 0)
                | (chained ? CHAINED : 0));
        if (failed) {
            out.writeVarLong(firstErrorNanos - startNanos);
            out.writeString(firstErrorMessage);
        }
        if (chained) {
            out.writeVarLong(chainTail);
            out.writeVarLong(chainTailNanos - startNanos);
        }
        out.writeVarLong(services.size());
        for (int i = 0; i < services.size(); i++) {
            services.writeNameAt(i, out);
            out.writeVarLong(services.firstSeenAt(i) - startNanos);
            out.writeBoolean(services.failedAt(i));
        }
        spans.writeTo(out);
        if (awaited == null) {
            out.writeVarLong(0);
        } else {
            awaited.writeTo(out);
        }
        out.writeVarLong(services.callCount());
        for (int i = 0; i < services.callCount(); i++) {
            out.writeVarLong(services.callerOf(i));
            out.writeVarLong(services.calleeOf(i));
        }
    }

    /** The fewest bytes a trace takes in {@code encoding}. */
    static int minSavedBytes(TraceEncoding encoding) {
        return encoding == TraceEncoding.COMPACT ? MIN_COMPACT_BYTES : MIN_FIXED_WIDTH_BYTES;
    }

    /** Reads a trace saved in {@code encoding}, checked against this engine's bound on spans. */
    static OpenTrace readFrom(StateInput in, TraceEncoding encoding, int maxSpans, ServiceIds serviceIds) {
        OpenTrace trace = new OpenTrace(in.readString("trace id"), maxSpans, serviceIds);
        try {
            int chainTailIndex = encoding == TraceEncoding.COMPACT ? trace.readCompactHeader(in)
                    : trace.readFixedWidthHeader(in);
            String[] names = trace.readServices(in, encoding, serviceIds);
            if (chainTailIndex != NO_SERVICE) {
                serviceAt(names, chainTailIndex);
                trace.chainTail = chainTailIndex;
            }
            trace.readSpans(in, encoding, names);
            trace.readWaitingChildren(in, encoding, names);
            trace.readParentEdges(in, encoding, names);
        } catch (CorruptStateException e) {
            throw e.within("trace " + trace.traceId());
        }
        return trace;
    }

    /** The fields before the services, as format 2 saved them; returns the chain tail's index. */
    private int readFixedWidthHeader(StateInput in) {
        eventCount = in.readCounter("event count");
        startNanos = in.readTime("start"); // a trace is opened by its first event
        endNanos = in.readTime("end");
        firstErrorNanos = in.readTimeOr(Long.MAX_VALUE, "first error time");
        firstErrorMessage = in.readNullableString("first error message");
        sawSpanIds = in.readBoolean("whether it has span ids");
        sawParents = in.readBoolean("whether it has parent spans");
        int chainTailIndex = in.readInt("chain tail");
        chainTailNanos = in.readTime("chain tail time");
        return chainTailIndex;
    }

    /** The fields before the services, as {@link #writeTo} saves them; returns the chain tail's index. */
    private int readCompactHeader(StateInput in) {
        eventCount = in.readVarCounter("event count");
        startNanos = in.readTime("start");
        endNanos = in.readTimeAfter(startNanos, "end");
        int flags = in.readByte("flags");
        if ((flags & ~(SAW_SPAN_IDS | SAW_PARENTS | FAILED | CHAINED)) != 0) {
            throw new CorruptStateException("flags are " + flags + ", with bits no trace sets");
        }
        sawSpanIds = (flags & SAW_SPAN_IDS) != 0;
        sawParents = (flags & SAW_PARENTS) != 0;
        if ((flags & FAILED) != 0) {
            firstErrorNanos = in.readTimeAfter(startNanos, "first error time");
            firstErrorMessage = in.readNullableString("first error message");
        }
        if ((flags & CHAINED) == 0) {
            return NO_SERVICE;
        }
        int chainTailIndex = in.readVarIndex("chain tail");
        chainTailNanos = in.readTimeAfter(startNanos, "chain tail time");
        return chainTailIndex;
    }

    private String[] readServices(StateInput in, TraceEncoding encoding, ServiceIds serviceIds) {
        int count = encoding.readCount(in, "services", maxSpans, StateInput.MIN_STRING_BYTES + 2);
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = in.readString("service");
            int id = serviceIds.idOf(names[i]);
            if (services.indexOf(names[i], id) >= 0) {
                throw new CorruptStateException("service " + names[i] + " is saved twice");
            }
            int arrival = services.add(names[i], id, encoding.readTimeAfter(in, startNanos, "first event of a service"));
            if (in.readBoolean("whether a service failed")) {
                services.markFailed(arrival);
            }
        }
        return names;
    }

    private void readSpans(StateInput in, TraceEncoding encoding, String[] names) {
        int count = encoding.readCount(in, "spans", maxSpans, StateInput.MIN_STRING_BYTES + Integer.BYTES);
        SpanKey span = new SpanKey();
        for (int i = 0; i < count; i++) {
            String spanId = in.readString("span id");
            int service = in.readInt("service of a span");
            serviceAt(names, service);
            if (!spans.putIfAbsent(span.set(spanId), service)) {
                throw new CorruptStateException("span " + spanId + " is saved twice");
            }
        }
    }

    private void readWaitingChildren(StateInput in, TraceEncoding encoding, String[] names) {
        int count = encoding.readCount(in, "awaited parents", maxSpans, StateInput.MIN_STRING_BYTES + 2);
        SpanKey parent = new SpanKey();
        for (int i = 0; i < count; i++) {
            String parentSpanId = in.readString("awaited parent span");
            if (awaited == null) {
                awaited = new AwaitedParents();
            }
            int children = encoding.readCount(in, "children awaiting a parent", maxSpans - awaited.size(), 1);
            if (children == 0 || awaited.awaits(parent.set(parentSpanId))) {
                throw new CorruptStateException("parent span " + parentSpanId + " is awaited twice or by nobody");
            }
            for (int j = 0; j < children; j++) {
                int child = encoding.readIndex(in, "child awaiting a parent");
                serviceAt(names, child);
                awaited.await(parent, child);
            }
        }
    }

    private void readParentEdges(StateInput in, TraceEncoding encoding, String[] names) {
        int count = encoding.readCount(in, "edges", Integer.MAX_VALUE, 2);
        for (int i = 0; i < count; i++) {
            int caller = encoding.readIndex(in, "caller");
            int callee = encoding.readIndex(in, "callee");
            serviceAt(names, caller);
            serviceAt(names, callee);
            if (caller == callee || !services.addCall(caller, callee)) {
                throw new CorruptStateException("edge " + names[caller] + "->" + names[callee]
                        + " is a self call or saved twice");
            }
        }
    }

    private static String serviceAt(String[] names, int index) {
        if (index < 0 || index >= names.length) {
            throw new CorruptStateException("service index " + index + " is outside the trace's " + names.length + " services");
        }
        return names[index];
    }
}

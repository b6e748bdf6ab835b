package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.SnapshotEntry;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace still being assembled. Edges come from span parents (the parent span's service calls the child
 * span's service); a child seen before its parent waits for it. A trace without span ids gets a chain by
 * call order instead: each service calls the next one first seen after it. Every table is bounded by
 * {@code maxSpans}, so one runaway trace id cannot take the heap.
 */
final class OpenTrace extends SnapshotEntry {

    /** What the trace knows of one service. */
    private static final class ServiceInTrace {
        private final int arrival;
        private long firstNanos;
        private boolean hasError;

        ServiceInTrace(int arrival, long firstNanos) {
            this.arrival = arrival;
            this.firstNanos = firstNanos;
        }
    }

    /** Trace id, four times and the event count, first error, two flags, chain tail and four table sizes. */
    static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 5 * Long.BYTES
            + StateInput.MIN_NULLABLE_STRING_BYTES + 2 + Integer.BYTES + 4 * Integer.BYTES;
    private static final int NO_SERVICE = -1;

    private static final Comparator<Map.Entry<String, ServiceInTrace>> FIRST_SEEN =
            Comparator.comparingLong((Map.Entry<String, ServiceInTrace> entry) -> entry.getValue().firstNanos)
                    .thenComparingInt(entry -> entry.getValue().arrival);

    private final String traceId;
    private final int maxSpans;
    // Sized for the common trace of a few services: a million open traces must fit in a gigabyte.
    private final Map<String, ServiceInTrace> services = new LinkedHashMap<>(4);
    /** Service names by arrival index, for the span table. */
    private String[] serviceNames = new String[2];
    private final SpanTable spans = new SpanTable();
    /** Created on the first child that arrives before its parent; most traces never need it. */
    private Map<String, List<String>> childrenAwaitingParent;
    /** Created on the first edge from span parents. */
    private Set<ServiceEdge> parentEdges;
    private int awaiting;
    private boolean sawSpanIds;
    private boolean sawParents;
    private String chainTail;
    private long chainTailNanos;
    private long eventCount;
    private long startNanos = Long.MAX_VALUE;
    private long endNanos = Long.MIN_VALUE;
    private long firstErrorNanos = Long.MAX_VALUE;
    private String firstErrorMessage;

    OpenTrace(String traceId, int maxSpans) {
        this.traceId = traceId;
        this.maxSpans = maxSpans;
    }

    String traceId() {
        return traceId;
    }

    @Override
    protected String mapKey() {
        return traceId;
    }

    long endNanos() {
        return endNanos;
    }

    void add(Event event, long eventNanos, EdgeObserver edges) {
        eventCount++;
        startNanos = Math.min(startNanos, eventNanos);
        endNanos = Math.max(endNanos, eventNanos);
        if (event.isError() && eventNanos < firstErrorNanos) {
            firstErrorNanos = eventNanos;
            firstErrorMessage = event.getMessage();
        }
        String service = event.getService();
        if (service == null) {
            return;
        }
        ServiceInTrace seen = services.get(service);
        boolean newService = seen == null;
        if (newService) {
            if (services.size() >= maxSpans) {
                return;
            }
            seen = new ServiceInTrace(services.size(), eventNanos);
            services.put(service, seen);
            rememberName(seen.arrival, service);
        } else {
            seen.firstNanos = Math.min(seen.firstNanos, eventNanos);
        }
        seen.hasError |= event.isError();
        learnEdges(event, service, newService, eventNanos, edges);
    }

    private void learnEdges(Event event, String service, boolean newService, long eventNanos, EdgeObserver edges) {
        String spanId = event.getSpanId();
        String parentSpanId = event.getParentSpanId();
        if (spanId != null) {
            sawSpanIds = true;
            if (spans.size() < maxSpans && spans.putIfAbsent(spanId, services.get(service).arrival)) {
                List<String> children = childrenAwaitingParent == null ? null : childrenAwaitingParent.remove(spanId);
                if (children != null) {
                    awaiting -= children.size();
                    children.forEach(child -> parentEdge(service, child, eventNanos, edges));
                }
            }
        }
        if (parentSpanId != null) {
            sawParents = true;
            int parentService = spans.serviceOf(parentSpanId);
            if (parentService >= 0) {
                parentEdge(serviceNames[parentService], service, eventNanos, edges);
            } else if (awaiting < maxSpans) {
                if (childrenAwaitingParent == null) {
                    childrenAwaitingParent = new HashMap<>(4);
                }
                childrenAwaitingParent.computeIfAbsent(parentSpanId, id -> new ArrayList<>(2)).add(service);
                awaiting++;
            }
        } else if (!sawSpanIds && newService) {
            // Call order is only safe to learn early while services arrive in event-time order; anything
            // else is settled when the trace closes.
            if (chainTail == null || eventNanos >= chainTailNanos) {
                if (chainTail != null) {
                    edges.observe(chainTail, service, eventNanos);
                }
                chainTail = service;
                chainTailNanos = eventNanos;
            }
        }
    }

    private void parentEdge(String caller, String callee, long atNanos, EdgeObserver edges) {
        if (parentEdges == null) {
            parentEdges = new LinkedHashSet<>(4);
        }
        if (!caller.equals(callee) && parentEdges.add(new ServiceEdge(caller, callee))) {
            edges.observe(caller, callee, atNanos);
        }
    }

    /** Closes the trace: settles call-order edges with the graph and summarises. */
    TraceSummary close(EdgeObserver edges) {
        List<String> ordered = services.entrySet().stream().sorted(FIRST_SEEN).map(Map.Entry::getKey).toList();
        List<ServiceEdge> traceEdges;
        if (sawParents) {
            traceEdges = parentEdges == null ? List.of() : List.copyOf(parentEdges);
        } else {
            traceEdges = new ArrayList<>();
            for (int i = 1; i < ordered.size(); i++) {
                ServiceEdge edge = new ServiceEdge(ordered.get(i - 1), ordered.get(i));
                traceEdges.add(edge);
                edges.observe(edge.caller(), edge.callee(), endNanos);
            }
        }
        List<String> errorServices = ordered.stream().filter(service -> services.get(service).hasError).toList();
        return new TraceSummary(traceId, ordered, traceEdges, errorServices, firstErrorMessage, eventCount,
                startNanos, endNanos);
    }

    /**
     * Saves the trace as kept. Services are written once, in arrival order; the span table, the children
     * waiting for a parent and the edges refer to them by that index (a service's {@code arrival}).
     */
    void writeTo(StateOutput out) {
        out.writeString(traceId);
        out.writeLong(eventCount);
        out.writeLong(startNanos);
        out.writeLong(endNanos);
        out.writeLong(firstErrorNanos);
        out.writeString(firstErrorMessage);
        out.writeBoolean(sawSpanIds);
        out.writeBoolean(sawParents);
        out.writeInt(chainTail == null ? NO_SERVICE : indexOf(chainTail));
        out.writeLong(chainTailNanos);
        out.writeInt(services.size());
        for (Map.Entry<String, ServiceInTrace> service : services.entrySet()) {
            out.writeString(service.getKey());
            out.writeLong(service.getValue().firstNanos);
            out.writeBoolean(service.getValue().hasError);
        }
        out.writeInt(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            out.writeString(spans.idAt(i));
            out.writeInt(spans.serviceAt(i));
        }
        Map<String, List<String>> waitingChildren = childrenAwaitingParent == null ? Map.of() : childrenAwaitingParent;
        out.writeInt(waitingChildren.size());
        for (Map.Entry<String, List<String>> waiting : waitingChildren.entrySet()) {
            out.writeString(waiting.getKey());
            out.writeInt(waiting.getValue().size());
            for (String child : waiting.getValue()) {
                out.writeInt(indexOf(child));
            }
        }
        Set<ServiceEdge> edgesSeen = parentEdges == null ? Set.of() : parentEdges;
        out.writeInt(edgesSeen.size());
        for (ServiceEdge edge : edgesSeen) {
            out.writeInt(indexOf(edge.caller()));
            out.writeInt(indexOf(edge.callee()));
        }
    }

    /** Reads a trace saved by {@link #writeTo}, checked against this engine's bound on spans. */
    static OpenTrace readFrom(StateInput in, int maxSpans) {
        OpenTrace trace = new OpenTrace(in.readString("trace id"), maxSpans);
        try {
            trace.readFields(in);
        } catch (CorruptStateException e) {
            throw e.within("trace " + trace.traceId);
        }
        return trace;
    }

    private void readFields(StateInput in) {
        eventCount = in.readCounter("event count");
        startNanos = in.readTime("start"); // a trace is opened by its first event
        endNanos = in.readTime("end");
        firstErrorNanos = in.readTimeOr(Long.MAX_VALUE, "first error time");
        firstErrorMessage = in.readNullableString("first error message");
        sawSpanIds = in.readBoolean("whether it has span ids");
        sawParents = in.readBoolean("whether it has parent spans");
        int chainTailIndex = in.readInt("chain tail");
        chainTailNanos = in.readTime("chain tail time");
        String[] names = readServices(in);
        if (chainTailIndex != NO_SERVICE) {
            chainTail = serviceAt(names, chainTailIndex);
        }
        readSpans(in, names);
        readWaitingChildren(in, names);
        readParentEdges(in, names);
    }

    private String[] readServices(StateInput in) {
        int count = in.readCount("services", maxSpans, StateInput.MIN_STRING_BYTES + Long.BYTES + 1);
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = in.readString("service");
            ServiceInTrace seen = new ServiceInTrace(i, in.readTime("first event of a service"));
            seen.hasError = in.readBoolean("whether a service failed");
            if (services.put(names[i], seen) != null) {
                throw new CorruptStateException("service " + names[i] + " is saved twice");
            }
            rememberName(i, names[i]);
        }
        return names;
    }

    private void readSpans(StateInput in, String[] names) {
        int count = in.readCount("spans", maxSpans, StateInput.MIN_STRING_BYTES + Integer.BYTES);
        for (int i = 0; i < count; i++) {
            String spanId = in.readString("span id");
            int service = in.readInt("service of a span");
            serviceAt(names, service);
            if (!spans.putIfAbsent(spanId, service)) {
                throw new CorruptStateException("span " + spanId + " is saved twice");
            }
        }
    }

    private void readWaitingChildren(StateInput in, String[] names) {
        int count = in.readCount("awaited parents", maxSpans, StateInput.MIN_STRING_BYTES + Integer.BYTES);
        for (int i = 0; i < count; i++) {
            String parentSpanId = in.readString("awaited parent span");
            int children = in.readCount("children awaiting a parent", maxSpans - awaiting, Integer.BYTES);
            if (childrenAwaitingParent == null) {
                childrenAwaitingParent = new HashMap<>(4);
            }
            if (children == 0 || childrenAwaitingParent.containsKey(parentSpanId)) {
                throw new CorruptStateException("parent span " + parentSpanId + " is awaited twice or by nobody");
            }
            List<String> waiting = new ArrayList<>(children);
            for (int j = 0; j < children; j++) {
                waiting.add(serviceAt(names, in.readInt("child awaiting a parent")));
            }
            childrenAwaitingParent.put(parentSpanId, waiting);
            awaiting += children;
        }
    }

    private void readParentEdges(StateInput in, String[] names) {
        int count = in.readCount("edges", 2 * Integer.BYTES);
        for (int i = 0; i < count; i++) {
            ServiceEdge edge = new ServiceEdge(serviceAt(names, in.readInt("caller")), serviceAt(names, in.readInt("callee")));
            if (parentEdges == null) {
                parentEdges = new LinkedHashSet<>(4);
            }
            if (edge.caller().equals(edge.callee()) || !parentEdges.add(edge)) {
                throw new CorruptStateException("edge " + edge + " is a self call or saved twice");
            }
        }
    }

    private void rememberName(int arrival, String service) {
        if (arrival == serviceNames.length) {
            serviceNames = Arrays.copyOf(serviceNames, arrival * 2);
        }
        serviceNames[arrival] = service;
    }

    private int indexOf(String service) {
        return services.get(service).arrival;
    }

    private static String serviceAt(String[] names, int index) {
        if (index < 0 || index >= names.length) {
            throw new CorruptStateException("service index " + index + " is outside the trace's " + names.length + " services");
        }
        return names[index];
    }
}

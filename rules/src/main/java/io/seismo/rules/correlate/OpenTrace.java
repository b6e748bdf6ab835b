package io.seismo.rules.correlate;

import io.seismo.rules.event.Event;
import java.util.ArrayList;
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
final class OpenTrace {

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

    private static final Comparator<Map.Entry<String, ServiceInTrace>> FIRST_SEEN =
            Comparator.comparingLong((Map.Entry<String, ServiceInTrace> entry) -> entry.getValue().firstNanos)
                    .thenComparingInt(entry -> entry.getValue().arrival);

    private final String traceId;
    private final int maxSpans;
    private final Map<String, ServiceInTrace> services = new LinkedHashMap<>();
    private final Map<String, String> serviceOfSpan = new HashMap<>();
    private final Map<String, List<String>> childrenAwaitingParent = new HashMap<>();
    private final Set<ServiceEdge> parentEdges = new LinkedHashSet<>();
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
            if (serviceOfSpan.size() < maxSpans && serviceOfSpan.putIfAbsent(spanId, service) == null) {
                List<String> children = childrenAwaitingParent.remove(spanId);
                if (children != null) {
                    awaiting -= children.size();
                    children.forEach(child -> parentEdge(service, child, eventNanos, edges));
                }
            }
        }
        if (parentSpanId != null) {
            sawParents = true;
            String parentService = serviceOfSpan.get(parentSpanId);
            if (parentService != null) {
                parentEdge(parentService, service, eventNanos, edges);
            } else if (awaiting < maxSpans) {
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
        if (!caller.equals(callee) && parentEdges.add(new ServiceEdge(caller, callee))) {
            edges.observe(caller, callee, atNanos);
        }
    }

    /** Closes the trace: settles call-order edges with the graph and summarises. */
    TraceSummary close(EdgeObserver edges) {
        List<String> ordered = services.entrySet().stream().sorted(FIRST_SEEN).map(Map.Entry::getKey).toList();
        List<ServiceEdge> traceEdges;
        if (sawParents) {
            traceEdges = List.copyOf(parentEdges);
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
}

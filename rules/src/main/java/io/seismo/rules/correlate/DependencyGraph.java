package io.seismo.rules.correlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who calls whom, learned from traces, each edge with the event time it was last seen. Edges not seen for
 * {@code ttlNanos} of event time decay away (a retired dependency must not keep pointing at a root), and
 * at most {@code maxEdges} are kept, the least recently seen going first.
 */
public final class DependencyGraph implements EdgeObserver {
    private final long ttlNanos;
    private final int maxEdges;
    private final Map<String, Map<String, Long>> calleesOf = new HashMap<>();
    private final Map<String, Set<String>> callersOf = new HashMap<>();
    private int edgeCount;
    private long edgesEvicted;

    public DependencyGraph(long ttlNanos, int maxEdges) {
        if (ttlNanos <= 0 || maxEdges < 1) {
            throw new IllegalArgumentException("edge ttl and max edges must be positive");
        }
        this.ttlNanos = ttlNanos;
        this.maxEdges = maxEdges;
    }

    @Override
    public void observe(String caller, String callee, long atNanos) {
        if (caller.equals(callee)) {
            return;
        }
        Map<String, Long> callees = calleesOf.get(caller);
        Long lastSeen = callees == null ? null : callees.get(callee);
        if (lastSeen != null) {
            callees.put(callee, Math.max(lastSeen, atNanos));
            return;
        }
        if (edgeCount >= maxEdges) {
            evictLeastRecentlySeen();
        }
        calleesOf.computeIfAbsent(caller, service -> new HashMap<>()).put(callee, atNanos);
        callersOf.computeIfAbsent(callee, service -> new HashSet<>()).add(caller);
        edgeCount++;
    }

    /** Drops edges last seen more than the ttl before {@code nowNanos} (event time). */
    public void decay(long nowNanos) {
        long cutoff = nowNanos - ttlNanos;
        Iterator<Map.Entry<String, Map<String, Long>>> callers = calleesOf.entrySet().iterator();
        while (callers.hasNext()) {
            Map.Entry<String, Map<String, Long>> entry = callers.next();
            Iterator<Map.Entry<String, Long>> callees = entry.getValue().entrySet().iterator();
            while (callees.hasNext()) {
                Map.Entry<String, Long> edge = callees.next();
                if (edge.getValue() < cutoff) {
                    callees.remove();
                    unlinkCaller(entry.getKey(), edge.getKey());
                }
            }
            if (entry.getValue().isEmpty()) {
                callers.remove();
            }
        }
    }

    public Set<String> callees(String service) {
        Map<String, Long> callees = calleesOf.get(service);
        return callees == null ? Set.of() : Collections.unmodifiableSet(callees.keySet());
    }

    public Set<String> callers(String service) {
        Set<String> callers = callersOf.get(service);
        return callers == null ? Set.of() : Collections.unmodifiableSet(callers);
    }

    public boolean hasEdge(String caller, String callee) {
        return callees(caller).contains(callee);
    }

    public int edgeCount() {
        return edgeCount;
    }

    public long edgesEvicted() {
        return edgesEvicted;
    }

    /** Every edge, sorted, for display. */
    public List<ServiceEdge> edges() {
        List<ServiceEdge> all = new ArrayList<>(edgeCount);
        calleesOf.forEach((caller, callees) -> callees.keySet().forEach(callee -> all.add(new ServiceEdge(caller, callee))));
        all.sort(Comparator.comparing(ServiceEdge::caller).thenComparing(ServiceEdge::callee));
        return all;
    }

    private void evictLeastRecentlySeen() {
        String oldestCaller = null;
        String oldestCallee = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Map<String, Long>> entry : calleesOf.entrySet()) {
            for (Map.Entry<String, Long> edge : entry.getValue().entrySet()) {
                if (edge.getValue() < oldest) {
                    oldest = edge.getValue();
                    oldestCaller = entry.getKey();
                    oldestCallee = edge.getKey();
                }
            }
        }
        if (oldestCaller != null) {
            Map<String, Long> callees = calleesOf.get(oldestCaller);
            callees.remove(oldestCallee);
            if (callees.isEmpty()) {
                calleesOf.remove(oldestCaller);
            }
            unlinkCaller(oldestCaller, oldestCallee);
            edgesEvicted++;
        }
    }

    private void unlinkCaller(String caller, String callee) {
        edgeCount--;
        Set<String> callers = callersOf.get(callee);
        if (callers != null) {
            callers.remove(caller);
            if (callers.isEmpty()) {
                callersOf.remove(callee);
            }
        }
    }
}

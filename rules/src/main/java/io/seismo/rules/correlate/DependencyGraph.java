package io.seismo.rules.correlate;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Numbered services up to this many get their edges in {@link #byIds}; more is not a fleet but a runaway field. */
    private static final int ID_SPAN = 256;

    private final long ttlNanos;
    private final int maxEdges;
    private final Map<String, Map<String, LastSeen>> calleesOf = new HashMap<>();
    private final Map<String, Set<String>> callersOf = new HashMap<>();
    /** Edges a rule file declares: always there, never decaying or evicted, not saved (the rules bring them back). */
    private final Map<String, Set<String>> declaredCallees = new HashMap<>();
    private final Map<String, Set<String>> declaredCallers = new HashMap<>();
    /**
     * The learned edges between numbered services, at caller × {@link #ID_SPAN} + callee, as the same objects the
     * maps hold: nearly every line sees an edge again, and this finds it with one array read where the maps took
     * two String-keyed lookups (4 % of the correlator's time at a million open traces). An edge that leaves the
     * maps is marked gone, so its cell is looked up by name again. Grows by rows as callers' numbers come.
     */
    private LastSeen[] byIds = new LastSeen[0];
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
    public void observe(int callerId, int calleeId, String caller, String callee, long atNanos) {
        if (callerId < 0 || callerId >= ID_SPAN || calleeId < 0 || calleeId >= ID_SPAN) {
            learn(caller, callee, atNanos);
            return;
        }
        int cell = callerId * ID_SPAN + calleeId;
        LastSeen known = cell < byIds.length ? byIds[cell] : null;
        if (known != null && !known.gone) {
            known.nanos = Math.max(known.nanos, atNanos);
            return;
        }
        LastSeen seen = learn(caller, callee, atNanos);
        if (seen != null) {
            if (cell >= byIds.length) {
                byIds = Arrays.copyOf(byIds, (callerId + 1) * ID_SPAN);
            }
            byIds[cell] = seen;
        }
    }

    /** A call from {@code caller} to {@code callee}, seen at {@code atNanos}, for services without numbers. */
    public void observe(String caller, String callee, long atNanos) {
        learn(caller, callee, atNanos);
    }

    /** Takes a call seen at {@code atNanos}; returns its edge, or null when a service calls itself. */
    private LastSeen learn(String caller, String callee, long atNanos) {
        if (caller.equals(callee)) {
            return null;
        }
        Map<String, LastSeen> callees = calleesOf.get(caller);
        LastSeen lastSeen = callees == null ? null : callees.get(callee);
        if (lastSeen != null) {
            lastSeen.nanos = Math.max(lastSeen.nanos, atNanos);
            return lastSeen;
        }
        if (edgeCount >= maxEdges) {
            evictLeastRecentlySeen();
        }
        LastSeen added = new LastSeen(atNanos);
        calleesOf.computeIfAbsent(caller, service -> new HashMap<>()).put(callee, added);
        callersOf.computeIfAbsent(callee, service -> new HashSet<>()).add(caller);
        edgeCount++;
        return added;
    }

    /** Drops edges last seen more than the ttl before {@code nowNanos} (event time). */
    public void decay(long nowNanos) {
        long cutoff = nowNanos - ttlNanos;
        Iterator<Map.Entry<String, Map<String, LastSeen>>> callers = calleesOf.entrySet().iterator();
        while (callers.hasNext()) {
            Map.Entry<String, Map<String, LastSeen>> entry = callers.next();
            Iterator<Map.Entry<String, LastSeen>> callees = entry.getValue().entrySet().iterator();
            while (callees.hasNext()) {
                Map.Entry<String, LastSeen> edge = callees.next();
                if (edge.getValue().nanos < cutoff) {
                    edge.getValue().gone = true;
                    callees.remove();
                    unlinkCaller(entry.getKey(), edge.getKey());
                }
            }
            if (entry.getValue().isEmpty()) {
                callers.remove();
            }
        }
    }

    /** Adds an edge known without traces (a rule file declares it); it holds for as long as this graph lives. */
    public void declare(String caller, String callee) {
        if (caller.equals(callee)) {
            throw new IllegalArgumentException("a service cannot call itself: " + caller);
        }
        declaredCallees.computeIfAbsent(caller, service -> new HashSet<>()).add(callee);
        declaredCallers.computeIfAbsent(callee, service -> new HashSet<>()).add(caller);
    }

    /** Learned and declared callees of {@code service}. */
    public Set<String> callees(String service) {
        Map<String, LastSeen> learned = calleesOf.get(service);
        return union(learned == null ? Set.of() : learned.keySet(), declaredCallees.get(service));
    }

    /** Learned and declared callers of {@code service}. */
    public Set<String> callers(String service) {
        Set<String> learned = callersOf.get(service);
        return union(learned == null ? Set.of() : learned, declaredCallers.get(service));
    }

    private static Set<String> union(Set<String> learned, Set<String> declared) {
        if (declared == null || declared.isEmpty()) {
            return Collections.unmodifiableSet(learned);
        }
        Set<String> both = new HashSet<>(learned);
        both.addAll(declared);
        return Collections.unmodifiableSet(both);
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

    /** Every edge, learned or declared, sorted, for display. */
    public List<ServiceEdge> edges() {
        List<ServiceEdge> all = new ArrayList<>(edgeCount);
        calleesOf.forEach((caller, callees) -> callees.keySet().forEach(callee -> all.add(new ServiceEdge(caller, callee))));
        declaredCallees.forEach((caller, callees) -> callees.stream()
                .filter(callee -> !calleesOf.getOrDefault(caller, Map.of()).containsKey(callee))
                .forEach(callee -> all.add(new ServiceEdge(caller, callee))));
        all.sort(Comparator.comparing(ServiceEdge::caller).thenComparing(ServiceEdge::callee));
        return all;
    }

    /**
     * Evicts the edge seen longest ago; ties go to the first caller and callee by name, so that the choice
     * does not depend on hash order (a restored graph must evict exactly what the original would have).
     */
    private void evictLeastRecentlySeen() {
        String oldestCaller = null;
        String oldestCallee = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Map<String, LastSeen>> entry : calleesOf.entrySet()) {
            for (Map.Entry<String, LastSeen> edge : entry.getValue().entrySet()) {
                long seen = edge.getValue().nanos;
                if (oldestCaller == null || seen < oldest
                        || seen == oldest && isBefore(entry.getKey(), edge.getKey(), oldestCaller, oldestCallee)) {
                    oldest = seen;
                    oldestCaller = entry.getKey();
                    oldestCallee = edge.getKey();
                }
            }
        }
        if (oldestCaller != null) {
            Map<String, LastSeen> callees = calleesOf.get(oldestCaller);
            callees.remove(oldestCallee).gone = true;
            if (callees.isEmpty()) {
                calleesOf.remove(oldestCaller);
            }
            unlinkCaller(oldestCaller, oldestCallee);
            edgesEvicted++;
        }
    }

    private static boolean isBefore(String caller, String callee, String otherCaller, String otherCallee) {
        int byCaller = caller.compareTo(otherCaller);
        return byCaller < 0 || byCaller == 0 && callee.compareTo(otherCallee) < 0;
    }

    /** Saves every edge with the event time it was last seen, grouped by caller, and the eviction counter. */
    public void writeTo(StateOutput out) {
        out.writeLong(edgesEvicted);
        out.writeInt(calleesOf.size());
        for (Map.Entry<String, Map<String, LastSeen>> entry : calleesOf.entrySet()) {
            out.writeString(entry.getKey());
            out.writeInt(entry.getValue().size());
            for (Map.Entry<String, LastSeen> edge : entry.getValue().entrySet()) {
                out.writeString(edge.getKey());
                out.writeLong(edge.getValue().nanos);
            }
        }
    }

    /** Reads what {@link #writeTo} wrote; replaces this (empty) graph's edges once applied. */
    public StagedRestore readState(StateInput in) {
        long savedEvicted = in.readCounter("evicted edges");
        int callerCount = in.readCount("callers", maxEdges, StateInput.MIN_STRING_BYTES + Integer.BYTES);
        Map<String, Map<String, LastSeen>> savedCallees = new HashMap<>();
        Map<String, Set<String>> savedCallers = new HashMap<>();
        int edges = 0;
        for (int i = 0; i < callerCount; i++) {
            String caller = in.readString("caller");
            if (savedCallees.containsKey(caller)) {
                throw new CorruptStateException("caller '" + caller + "' is saved twice");
            }
            Map<String, LastSeen> callees = readCallees(in, caller, maxEdges - edges);
            callees.keySet().forEach(callee -> savedCallers.computeIfAbsent(callee, service -> new HashSet<>()).add(caller));
            savedCallees.put(caller, callees);
            edges += callees.size();
        }
        int edgeTotal = edges;
        return () -> {
            Arrays.fill(byIds, null);
            calleesOf.clear();
            calleesOf.putAll(savedCallees);
            callersOf.clear();
            callersOf.putAll(savedCallers);
            edgeCount = edgeTotal;
            edgesEvicted = savedEvicted;
        };
    }

    private static Map<String, LastSeen> readCallees(StateInput in, String caller, int maxCallees) {
        try {
            int count = in.readCount("callees", maxCallees, StateInput.MIN_STRING_BYTES + Long.BYTES);
            if (count == 0) {
                throw new CorruptStateException("a caller is saved without callees");
            }
            Map<String, LastSeen> callees = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String callee = in.readString("callee");
                if (callee.equals(caller) || callees.put(callee, new LastSeen(in.readTime("last call"))) != null) {
                    throw new CorruptStateException("callee '" + callee + "' is the caller itself or saved twice");
                }
            }
            return callees;
        } catch (CorruptStateException e) {
            throw e.within("caller '" + caller + "'");
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

    /**
     * When an edge was last seen, changed in place: most lines see an edge again, and a new boxed Long put into the
     * map each time was an allocation and a card to refine, per line.
     */
    private static final class LastSeen {
        long nanos;
        /** Out of the maps: decayed or evicted (a restore empties {@link #byIds} instead). */
        boolean gone;

        LastSeen(long nanos) {
            this.nanos = nanos;
        }
    }
}

package io.seismo.rules.correlate;

import io.seismo.rules.finding.Onset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Finds cascades among the unhealthy services of one evaluation. Unhealthy services joined by graph edges
 * form a component. Its root is the unhealthy service none of whose callees, followed through unhealthy
 * services, is unhealthy: in graph terms a member of a sink strongly connected component, so a cycle at
 * the bottom still has a root; among several candidates the earliest onset wins (then the name). The
 * affected services are the unhealthy callers that reach the root through caller-to-callee edges and
 * turned unhealthy within {@code withinNanos} of it. Pure and deterministic.
 */
final class CascadeAnalysis {

    /** One cascade: root, affected callers in onset order (nearest first on ties), and the timeline. */
    record Cascade(String root, List<String> affected, List<Onset> timeline) {
    }

    private CascadeAnalysis() {
    }

    /** {@code onsets}: the unhealthy services and when each turned unhealthy, sorted by name. */
    static List<Cascade> find(SortedMap<String, Long> onsets, DependencyGraph graph, long withinNanos) {
        List<Cascade> cascades = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String service : onsets.keySet()) {
            if (placed.add(service)) {
                Set<String> component = componentOf(service, onsets, graph);
                placed.addAll(component);
                if (component.size() > 1) {
                    cascadeOf(component, onsets, graph, withinNanos).ifPresent(cascades::add);
                }
            }
        }
        return cascades;
    }

    private static Optional<Cascade> cascadeOf(Set<String> component, SortedMap<String, Long> onsets,
                                                        DependencyGraph graph, long withinNanos) {
        String root = rootOf(component, onsets, graph);
        long rootOnset = onsets.get(root);
        Map<String, Integer> hops = callerHops(root, component, graph);
        Comparator<String> byOnset = Comparator.comparingLong((String service) -> onsets.get(service))
                .thenComparingInt(hops::get)
                .thenComparing(Comparator.naturalOrder());
        List<String> affected = hops.keySet().stream()
                .filter(service -> !service.equals(root))
                .filter(service -> Math.abs(onsets.get(service) - rootOnset) <= withinNanos)
                .sorted(byOnset)
                .toList();
        if (affected.isEmpty()) {
            return Optional.empty();
        }
        List<Onset> timeline = new ArrayList<>();
        timeline.add(new Onset(root, rootOnset));
        affected.forEach(service -> timeline.add(new Onset(service, onsets.get(service))));
        timeline.sort(Comparator.comparingLong(Onset::atNanos).thenComparingInt(onset -> hops.get(onset.service())));
        return Optional.of(new Cascade(root, affected, timeline));
    }

    /** Unhealthy services connected to {@code start} by edges in either direction, through unhealthy services. */
    private static Set<String> componentOf(String start, Map<String, Long> unhealthy, DependencyGraph graph) {
        Set<String> component = new TreeSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(start));
        component.add(start);
        while (!frontier.isEmpty()) {
            String service = frontier.poll();
            for (Set<String> neighbours : List.of(graph.callees(service), graph.callers(service))) {
                for (String neighbour : neighbours) {
                    if (unhealthy.containsKey(neighbour) && component.add(neighbour)) {
                        frontier.add(neighbour);
                    }
                }
            }
        }
        return component;
    }

    /**
     * The root: among services whose unhealthy callees all reach back to them (members of a sink component
     * of the unhealthy subgraph; a service with no unhealthy callee trivially), the earliest onset.
     */
    private static String rootOf(Set<String> component, Map<String, Long> onsets, DependencyGraph graph) {
        Map<String, Set<String>> reach = new HashMap<>();
        for (String service : component) {
            reach.put(service, reachableCallees(service, component, graph));
        }
        return component.stream()
                .filter(service -> reach.get(service).stream().allMatch(callee -> reach.get(callee).contains(service)))
                .min(Comparator.comparingLong((String service) -> onsets.get(service)).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    private static Set<String> reachableCallees(String from, Set<String> component, DependencyGraph graph) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(from));
        while (!frontier.isEmpty()) {
            for (String callee : graph.callees(frontier.poll())) {
                if (component.contains(callee) && reached.add(callee)) {
                    frontier.add(callee);
                }
            }
        }
        return reached;
    }

    /** Services that reach {@code root} through caller-to-callee edges inside the component, with the hop count. */
    private static Map<String, Integer> callerHops(String root, Set<String> component, DependencyGraph graph) {
        Map<String, Integer> hops = new HashMap<>();
        hops.put(root, 0);
        Deque<String> frontier = new ArrayDeque<>(List.of(root));
        while (!frontier.isEmpty()) {
            String callee = frontier.poll();
            for (String caller : graph.callers(callee)) {
                if (component.contains(caller) && !hops.containsKey(caller)) {
                    hops.put(caller, hops.get(callee) + 1);
                    frontier.add(caller);
                }
            }
        }
        return hops;
    }
}

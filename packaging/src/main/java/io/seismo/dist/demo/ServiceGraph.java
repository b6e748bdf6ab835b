package io.seismo.dist.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who calls whom in the simulated system. Every request enters at {@code entry}. The graph must be
 * acyclic, because a request walks it depth first.
 *
 * @param calls every service, in a stable order, mapped to the services it calls, in call order
 */
public record ServiceGraph(String entry, Map<String, List<String>> calls) {

    public ServiceGraph {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(calls, "calls");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        calls.forEach((service, callees) -> copy.put(service, List.copyOf(callees)));
        calls = Collections.unmodifiableMap(copy);
        if (!calls.containsKey(entry)) {
            throw new IllegalArgumentException("entry service '" + entry + "' is not in the graph " + calls.keySet());
        }
        calls.forEach((service, callees) -> callees.stream()
                .filter(callee -> !copy.containsKey(callee))
                .findFirst()
                .ifPresent(callee -> {
                    throw new IllegalArgumentException(service + " calls unknown service '" + callee + "'");
                }));
        requireAcyclic(calls);
    }

    /** gateway → auth, catalog, checkout; checkout → payments → payments-db. */
    public static ServiceGraph demo() {
        Map<String, List<String>> calls = new LinkedHashMap<>();
        calls.put("gateway", List.of("auth", "catalog", "checkout"));
        calls.put("auth", List.of());
        calls.put("catalog", List.of());
        calls.put("checkout", List.of("payments"));
        calls.put("payments", List.of("payments-db"));
        calls.put("payments-db", List.of());
        return new ServiceGraph("gateway", calls);
    }

    public List<String> services() {
        return List.copyOf(calls.keySet());
    }

    public boolean contains(String service) {
        return calls.containsKey(service);
    }

    public List<String> callees(String service) {
        List<String> callees = calls.get(service);
        if (callees == null) {
            throw unknown(service);
        }
        return callees;
    }

    /** The services that call {@code service} directly or through others: where its failure shows up. */
    public Set<String> upstreamOf(String service) {
        if (!contains(service)) {
            throw unknown(service);
        }
        Set<String> upstream = new LinkedHashSet<>();
        List<String> frontier = new ArrayList<>(List.of(service));
        while (!frontier.isEmpty()) {
            String callee = frontier.remove(frontier.size() - 1);
            calls.forEach((caller, callees) -> {
                if (callees.contains(callee) && upstream.add(caller)) {
                    frontier.add(caller);
                }
            });
        }
        return Collections.unmodifiableSet(upstream);
    }

    IllegalArgumentException unknown(String service) {
        return new IllegalArgumentException("unknown service '" + service + "'; known: " + calls.keySet());
    }

    private static void requireAcyclic(Map<String, List<String>> calls) {
        Set<String> done = new HashSet<>();
        for (String service : calls.keySet()) {
            visit(service, calls, new LinkedHashSet<>(), done);
        }
    }

    private static void visit(String service, Map<String, List<String>> calls, Set<String> path, Set<String> done) {
        if (done.contains(service)) {
            return;
        }
        if (!path.add(service)) {
            throw new IllegalArgumentException("call cycle through " + path + " back to " + service);
        }
        for (String callee : calls.get(service)) {
            visit(callee, calls, path, done);
        }
        path.remove(service);
        done.add(service);
    }
}

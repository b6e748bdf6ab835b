package io.seismo.daemon.correlate;

import io.seismo.rules.correlate.TraceSummary;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The last closed traces, for the API ({@code GET /v1/traces/{id}}). Written by the correlator thread,
 * read by event loops; bounded, oldest out first.
 */
public final class RecentTraces {
    private final int capacity;
    private final Map<String, TraceSummary> byId = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    public RecentTraces(int capacity) {
        this.capacity = capacity;
    }

    public void add(TraceSummary trace) {
        if (byId.put(trace.traceId(), trace) == null) {
            order.add(trace.traceId());
        }
        while (byId.size() > capacity) {
            String oldest = order.poll();
            if (oldest == null) {
                break;
            }
            byId.remove(oldest);
        }
    }

    public Optional<TraceSummary> find(String traceId) {
        return Optional.ofNullable(byId.get(traceId));
    }

    public int size() {
        return byId.size();
    }
}

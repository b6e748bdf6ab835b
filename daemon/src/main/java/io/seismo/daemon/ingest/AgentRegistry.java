package io.seismo.daemon.ingest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents that have shipped to this daemon, for {@code seismo status}: when each was last heard from and
 * how much it sent. Updated by ingest event loops once per accepted batch; bounded in the number of agents.
 */
public final class AgentRegistry {
    private static final int MAX_AGENTS = 10_000;
    private final Map<String, AgentSeen> agents = new ConcurrentHashMap<>();

    void accepted(String agent, String host, int lines, Instant at) {
        String id = agent == null || agent.isBlank() ? "(unnamed)" : agent;
        if (agents.size() >= MAX_AGENTS && !agents.containsKey(id)) {
            return;
        }
        agents.merge(id, new AgentSeen(id, host, at, 1, lines),
                (old, now) -> new AgentSeen(id, host, at, old.batches() + 1, old.lines() + lines));
    }

    public List<AgentSeen> agents() {
        return agents.values().stream().sorted(Comparator.comparing(AgentSeen::agent)).toList();
    }

    /** One agent as last seen. */
    public record AgentSeen(String agent, String host, Instant lastSeen, long batches, long lines) {
    }
}

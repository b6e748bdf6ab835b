package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Ingest per agent: {@code seismo_ingest_agent_events_total{agent}} and
 * {@code seismo_ingest_agent_bytes_total{agent}}, with the number of agents capped (past it, agents share
 * {@code agent="other"} and {@code seismo_metric_label_overflow_total{label="agent"}} grows). Safe from
 * any event loop.
 */
public final class AgentIngest {
    private final BoundedChildren<Agent> agents;

    AgentIngest(PrometheusRegistry registry, int maxAgents, CounterDataPoint overflowed) {
        Counter events = Counter.builder().name("seismo_ingest_agent_events")
                .help("Log lines accepted by ingest, per agent").labelNames("agent").register(registry);
        Counter bytes = Counter.builder().name("seismo_ingest_agent_bytes")
                .help("Bytes of log lines accepted by ingest, per agent").labelNames("agent").register(registry);
        agents = new BoundedChildren<>(maxAgents, name -> new Agent(events.labelValues(name), bytes.labelValues(name)), overflowed);
    }

    /** Counts a batch the journal has taken. */
    public void accepted(String agent, long events, long bytes) {
        Agent counters = agents.child(agent);
        counters.events().inc(events);
        counters.bytes().inc(bytes);
    }

    private record Agent(CounterDataPoint events, CounterDataPoint bytes) {
    }
}

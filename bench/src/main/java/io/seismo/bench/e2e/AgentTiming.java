package io.seismo.bench.e2e;

/**
 * How often the agent polls its files and how long a batch waits for more lines. The pipeline runs use short
 * ones, since the latency from a line to its alert is measured; {@code --mode agent} measures the agent's cost
 * as a user runs it, with the defaults it ships with (AgentConfig and BatchLimits).
 */
enum AgentTiming {
    LOW_LATENCY("pollInterval: 20ms\nbatch: { maxLines: 10000, maxBytes: 4194304, linger: 20ms }\n",
            "pollInterval 20ms, linger 20ms"),
    AGENT_DEFAULTS("batch: { maxLines: 10000, maxBytes: 4194304 }\n",
            "pollInterval and linger as shipped (100ms, 200ms)");

    private final String yaml;
    private final String description;

    AgentTiming(String yaml, String description) {
        this.yaml = yaml;
        this.description = description;
    }

    /** The lines of agent.yaml that set the timing and the batch size. */
    String yaml() {
        return yaml;
    }

    String describe() {
        return description + ", batches of 10,000 lines / 4 MiB";
    }
}

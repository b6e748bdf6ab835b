package io.seismo.bench.e2e;

/**
 * How often the agent polls its files and how long a batch waits for more lines. The pipeline runs use short
 * ones, since the latency from a line to its alert is measured; {@code --mode agent} measures the agent's cost
 * as a user runs it, with the defaults it ships with (AgentConfig and BatchLimits).
 */
enum AgentTiming {
    LOW_LATENCY("pollInterval: 20ms", "20ms"),
    AGENT_DEFAULTS(null, null);

    private final String pollLine;
    private final String linger;

    AgentTiming(String pollLine, String linger) {
        this.pollLine = pollLine;
        this.linger = linger;
    }

    /** The YAML lines of agent.yaml that set the timing (none keeps the defaults). */
    String yaml() {
        if (pollLine == null) {
            return "batch: { maxLines: 10000, maxBytes: 4194304 }\n";
        }
        return pollLine + "\nbatch: { maxLines: 10000, maxBytes: 4194304, linger: " + linger + " }\n";
    }

    String describe() {
        return (pollLine == null ? "pollInterval and linger as shipped (100ms, 200ms)" : "pollInterval 20ms, linger 20ms")
                + ", batches of 10,000 lines / 4 MiB";
    }
}

package io.seismo.bench.e2e;

import java.time.Duration;

/**
 * How often the agent polls its files and how long a batch waits for more lines. The pipeline runs use short
 * ones, since the latency from a line to its alert is measured; {@code --mode agent} measures the agent's cost
 * as a user runs it, with the defaults it ships with (AgentConfig and BatchLimits). {@code --agent-linger} sets
 * both, to weigh the daemon's latency (a batch's lines are taken one after the other) against the agent's CPU.
 *
 * @param yaml        the lines of agent.yaml that set the timing and the batch size
 * @param description the same, for the printed settings
 */
record AgentTiming(String yaml, String description) {
    private static final String BATCH_LIMITS = "maxLines: 10000, maxBytes: 4194304";
    static final AgentTiming LOW_LATENCY = pollAndLinger(Duration.ofMillis(20));
    static final AgentTiming AGENT_DEFAULTS = new AgentTiming("batch: { " + BATCH_LIMITS + " }\n",
            "pollInterval and linger as shipped (100ms, 200ms)");

    /** The agent polls every {@code interval} and sends a batch once its first line has waited as long. */
    static AgentTiming pollAndLinger(Duration interval) {
        long millis = interval.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("the agent's poll interval and linger must be at least 1 ms");
        }
        return new AgentTiming("pollInterval: %dms\nbatch: { %s, linger: %dms }\n".formatted(millis, BATCH_LIMITS, millis),
                "pollInterval %dms, linger %dms".formatted(millis, millis));
    }

    String describe() {
        return description + ", batches of 10,000 lines / 4 MiB";
    }
}

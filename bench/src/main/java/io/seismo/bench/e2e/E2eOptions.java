package io.seismo.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one end-to-end benchmark run does.
 *
 * @param rate      how fast the generator writes, in all files together
 * @param files     files the generator writes and the agent tails
 * @param rules     threshold rules in the daemon, besides the cascade and the latency probe rules
 * @param traceKeys live trace ids the lines draw from
 * @param maxBacklog at {@code --rate max} in pipeline mode, lines the generator may write ahead of the daemon's
 *                   ingest (0: no bound, the generator writes as fast as one thread can)
 * @param agentLinger the agent's poll interval and linger, or null for those of the mode ({@link #agentTiming})
 * @param parseThreads the daemon's {@code pipeline.parseThreads}, or null for its default
 * @param root      the repository: the distribution's jars and the packaged JVM options are read from it
 */
public record E2eOptions(Mode mode, Rate rate, Duration warmup, Duration measure, int runs, int files, int rules,
                         int traceKeys, long maxBacklog, Duration agentLinger, Integer parseThreads, Path root,
                         Path json) {

    /**
     * {@code pipeline}: generator, agent and daemon; {@code agent}: the agent alone against a sink that acks at once.
     * Each with the warm-up and measured time it runs by default. The pipeline's: C2 still takes 9-16 % of a core 30 s
     * after the daemon is ready and 6 % after 120 s, and flat out read 9-36 % more after 120 s than after 30 s in
     * three alternated pairs (bench/PERFORMANCE-LOG.md): the steady state is what "sustained" means. The agent's
     * stays short: at --rate max its warm-up is the backlog it then drains.
     */
    public enum Mode {
        PIPELINE(120, 30), AGENT(10, 20);

        private final long warmupSeconds;
        private final long measuredSeconds;

        Mode(long warmupSeconds, long measuredSeconds) {
            this.warmupSeconds = warmupSeconds;
            this.measuredSeconds = measuredSeconds;
        }
    }

    /** A few seconds of the pipeline's flat-out rate: the agent never runs dry, the files never run far ahead. */
    static final long DEFAULT_MAX_BACKLOG = 200_000;

    static final String USAGE = """
            usage: bench/run-e2e [--mode pipeline|agent] [--rate N|NMB|max] [--seconds N] [--warmup N] [--runs N]
                                 [--files N] [--rules N] [--trace-keys N] [--max-backlog N] [--agent-linger MS]
                                 [--parse-threads N] [--json FILE]
            --rate: lines/s in all files, or NMB for megabytes/s (--rate 5MB), or max
            --max-backlog: at --rate max (pipeline), lines written ahead of the daemon's ingest; 0 for no bound
            --agent-linger: the agent's poll interval and batch linger in ms (pipeline: 20, agent: as shipped)
            --parse-threads: the daemon's pipeline.parseThreads (0: parsed on the journal thread; default 1)
            defaults: pipeline, max, 30 s measured after 120 s of warm-up (agent: 20 s after 10 s), 1 run, 2 files,
                      100 rules, 1,000,000 trace keys, a backlog of 200,000 lines, bench/target/e2e-result.json""";

    static E2eOptions parse(String[] args, Path root) {
        Mode mode = Mode.PIPELINE;
        Rate rate = Rate.MAX;
        Long seconds = null;
        Long warmup = null;
        int runs = 1;
        int files = 2;
        int rules = 100;
        int traceKeys = 1_000_000;
        long maxBacklog = DEFAULT_MAX_BACKLOG;
        Duration agentLinger = null;
        Integer parseThreads = null;
        Path json = root.resolve("bench/target/e2e-result.json");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--mode" -> mode = Mode.valueOf(required(args[i], value).toUpperCase(java.util.Locale.ROOT));
                case "--rate" -> rate = Rate.parse(required(args[i], value));
                case "--seconds" -> seconds = Long.parseLong(required(args[i], value));
                case "--warmup" -> warmup = Long.parseLong(required(args[i], value));
                case "--runs" -> runs = Integer.parseInt(required(args[i], value));
                case "--files" -> files = Integer.parseInt(required(args[i], value));
                case "--rules" -> rules = Integer.parseInt(required(args[i], value));
                case "--trace-keys" -> traceKeys = Integer.parseInt(required(args[i], value));
                case "--max-backlog" -> maxBacklog = Long.parseLong(required(args[i], value));
                case "--agent-linger" -> agentLinger = Duration.ofMillis(Long.parseLong(required(args[i], value)));
                case "--parse-threads" -> parseThreads = Integer.parseInt(required(args[i], value));
                case "--json" -> json = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        // Refused here, before any process starts, rather than by an agent or daemon that then never gets ready.
        if (agentLinger != null) {
            AgentTiming.pollAndLinger(agentLinger);
        }
        if (parseThreads != null && parseThreads < 0) {
            throw new IllegalArgumentException("--parse-threads must be 0 or more: " + parseThreads);
        }
        return new E2eOptions(mode, rate, Duration.ofSeconds(warmup != null ? warmup : mode.warmupSeconds),
                Duration.ofSeconds(seconds != null ? seconds : mode.measuredSeconds), runs, files, rules,
                traceKeys, maxBacklog, agentLinger, parseThreads, root, json);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    /** The distribution's jars (packaging/target/lib). */
    Path lib() {
        return root.resolve("packaging/target/lib");
    }

    /**
     * The agent's poll and linger: as {@code --agent-linger} says, or else short where the latency to an alert is
     * measured and as shipped where the agent's cost is.
     */
    AgentTiming agentTiming() {
        if (agentLinger != null) {
            return AgentTiming.pollAndLinger(agentLinger);
        }
        return mode == Mode.AGENT ? AgentTiming.AGENT_DEFAULTS : AgentTiming.LOW_LATENCY;
    }

    /** The agent's JVM options: as packaged, then what SEISMO_E2E_AGENT_OPTS adds. */
    java.util.List<String> agentJvm() {
        return BenchFiles.jvmOptions("SEISMO_E2E_AGENT_OPTS", PackagedJvmOptions.agent(root));
    }

    /** The daemon's JVM options: as packaged with a larger heap, then what SEISMO_E2E_DAEMON_OPTS adds. */
    java.util.List<String> daemonJvm() {
        return BenchFiles.jvmOptions("SEISMO_E2E_DAEMON_OPTS", PackagedJvmOptions.daemon(root));
    }

    /** Whether the generator's lead over the daemon's ingest is bounded in this run. */
    boolean bindsBacklog() {
        return mode == Mode.PIPELINE && rate.isMax() && maxBacklog > 0;
    }

    String rateText() {
        return rate.text();
    }
}

package io.seismo.bench.e2e;

import io.seismo.bench.rules.RuleSetBenchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The work folder of one run: log files, the rule file and the daemon's and agent's configs. */
public final class BenchFiles {
    static final String TOKEN = "bench";
    /**
     * The probe alert cannot leave before its window closes, i.e. before the watermark (newest event time minus
     * the allowed lateness) passes the window's end: at most lateness + window after the probe line. Each file
     * has one writer, so its lines arrive in time order and a small lateness loses nothing.
     */
    public static final int ALLOWED_LATENESS_MILLIS = 10;
    static final int PROBE_WINDOW_MILLIS = 10;
    /** What the daemon is told, printed with the results: the latency figures depend on it. */
    private static final String DAEMON_SETTINGS = "engine.allowedLateness " + ALLOWED_LATENESS_MILLIS + "ms, probe rule window tumbling("
            + PROBE_WINDOW_MILLIS + "ms), alerting.groupWait 0s; defaults otherwise: journal fsync per batch, "
            + "checkpoint every 10 s";

    private BenchFiles() {
    }

    static List<Path> logFiles(Path work, int count) throws IOException {
        Path logs = Files.createDirectories(work.resolve("logs"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Files.createFile(logs.resolve("app-" + i + ".log")));
        }
        return files;
    }

    /** {@link #DAEMON_SETTINGS}, with the parse threads when the run sets them (null: the daemon's default). */
    static String daemonSettings(Integer parseThreads) {
        return (parseThreads == null ? "" : "pipeline.parseThreads " + parseThreads + ", ") + DAEMON_SETTINGS;
    }

    /** The N threshold rules and the cascade of {@link RuleSetBenchmark}, then the latency probe rule. */
    public static String ruleFile(int rules) {
        return RuleSetBenchmark.ruleFile(rules) + """
                threshold('%s') {
                    where { service == '%s' }
                    by { attr('%s') }
                    window tumbling(%d.milliseconds)
                    fireWhen { count >= 1 }
                }
                """.formatted(ProbeWebhook.PROBE_RULE, GeneratedLines.PROBE, GeneratedLines.PROBE, PROBE_WINDOW_MILLIS);
    }

    /** The {@link #ruleFile} and the daemon's config; {@code parseThreads} null leaves the daemon's default. */
    static Path daemonConfig(Path work, int port, int rules, int traceKeys, Integer parseThreads, String webhook)
            throws IOException {
        Path ruleDir = Files.createDirectories(work.resolve("rules"));
        Files.writeString(ruleDir.resolve("bench.groovy"), ruleFile(rules), StandardCharsets.UTF_8);
        Path config = work.resolve("seismo.yaml");
        Files.writeString(config, """
                listen: { host: 127.0.0.1, port: %d }
                auth: { tokens: [ %s ] }
                dataDir: data
                rulesDir: rules
                engine: { allowedLateness: %dms, maxOpenTraces: %d }
                alerting: { groupWait: 0s }
                sinks: [ { name: probe, type: webhook, url: "%s" } ]
                """.formatted(port, TOKEN, ALLOWED_LATENESS_MILLIS, traceKeys, webhook)
                + (parseThreads == null ? "" : "pipeline: { parseThreads: " + parseThreads + " }\n"), StandardCharsets.UTF_8);
        return config;
    }

    static Path agentConfig(Path work, int port, AgentTiming timing) throws IOException {
        Path config = work.resolve("agent.yaml");
        Files.writeString(config, """
                agentId: bench-agent
                daemon: { url: "http://127.0.0.1:%d/v1/ingest", token: %s }
                stateDir: agent-state
                inputs: [ { paths: ["%s"], service: bench } ]
                """.formatted(port, TOKEN, work.resolve("logs").resolve("*.log")) + timing.yaml(), StandardCharsets.UTF_8);
        return config;
    }

    /** The agent's settings, printed with the results. */
    static String agentSettings(AgentTiming timing, List<String> jvm) {
        return timing.describe() + "; JVM " + String.join(" ", jvm);
    }

    /** {@code defaults}, then the options in environment variable {@code name}, if set (a later option wins). */
    static List<String> jvmOptions(String name, List<String> defaults) {
        return withExtraOptions(defaults, System.getenv(name));
    }

    /**
     * {@code defaults} followed by the options in {@code extra} (space-separated, may be null). A collector chosen
     * in {@code extra} replaces the one in {@code defaults}: the JVM refuses to start with two.
     */
    static List<String> withExtraOptions(List<String> defaults, String extra) {
        List<String> added = extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
        boolean choosesCollector = added.stream().anyMatch(BenchFiles::choosesCollector);
        List<String> options = new ArrayList<>();
        defaults.stream().filter(option -> !(choosesCollector && choosesCollector(option))).forEach(options::add);
        options.addAll(added);
        return List.copyOf(options);
    }

    private static boolean choosesCollector(String option) {
        return option.matches("-XX:\\+Use\\w+GC");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

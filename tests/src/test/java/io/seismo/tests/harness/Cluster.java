package io.seismo.tests.harness;

import io.seismo.dist.launch.ChildProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One daemon and one agent as separate processes in a work directory, configured the way a user would:
 * YAML files and a rules folder. Every wait is bounded; {@link #close} stops both gracefully.
 */
public final class Cluster implements AutoCloseable {
    public static final String TOKEN = "e2e-token";

    private final Path dir;
    private final int port;
    private final HttpProbe probe;
    private ChildProcess daemon;
    private ChildProcess agent;

    public Cluster(Path dir) {
        this.dir = dir;
        this.port = FreePort.pick();
        this.probe = new HttpProbe(port);
    }

    public Path dir() {
        return dir;
    }

    public HttpProbe probe() {
        return probe;
    }

    public Path journalDir() {
        return dir.resolve("data/journal");
    }

    public void writeRule(String fileName, String groovy) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules").resolve(fileName), groovy, StandardCharsets.UTF_8);
    }

    /** Writes {@code seismo.yaml} with the given extra YAML (sources, sinks, alerting...) and starts the daemon. */
    public ChildProcess startDaemon(String extraYaml) throws IOException {
        return startDaemon(extraYaml, Map.of());
    }

    /**
     * As {@link #startDaemon(String)}, with extra environment variables for the daemon's process; JVM options
     * go in {@code JAVA_TOOL_OPTIONS}, which every JVM reads (e.g. {@code -Dseismo.test.crashAt=afterWrite}).
     */
    public ChildProcess startDaemon(String extraYaml, Map<String, String> env) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        String yaml = "listen: { host: 127.0.0.1, port: " + port + " }\n"
                + "auth: { tokens: [ " + TOKEN + " ] }\n"
                + "dataDir: data\n"
                + "rulesDir: rules\n"
                + extraYaml;
        Files.writeString(dir.resolve("seismo.yaml"), yaml, StandardCharsets.UTF_8);
        return restartDaemon(env);
    }

    /** Starts the daemon again on the same config and data folder, as systemd would after a crash. */
    public ChildProcess restartDaemon(Map<String, String> env) throws IOException {
        daemon = ChildProcess.start("daemon", dir, dir.resolve("daemon.out"), env, "daemon", "--config", dir.resolve("seismo.yaml").toString());
        return daemon;
    }

    /** {@code kill -9} of the daemon: no shutdown hook, no last flush; returns once it is gone. */
    public void killDaemon() throws InterruptedException {
        kill(daemon);
    }

    /** {@code kill -9} of the agent; returns once it is gone. */
    public void killAgent() throws InterruptedException {
        kill(agent);
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public void awaitDaemonReady() {
        try {
            await("daemon ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .failFast("daemon exited before it was ready", () -> !daemon.isAlive())
                    .until(probe::ready);
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + outputs(), e);
        }
    }

    /** Writes {@code agent.yaml} tailing the given inputs ({@code paths} glob → service) and starts the agent. */
    public ChildProcess startAgent(List<AgentInput> inputs) throws IOException {
        return startAgent(inputs, "");
    }

    /** As {@link #startAgent(List)}, with extra top-level YAML for the agent (e.g. its {@code retry} backoff). */
    public ChildProcess startAgent(List<AgentInput> inputs, String extraYaml) throws IOException {
        StringBuilder yaml = new StringBuilder(extraYaml)
                .append("agentId: e2e-agent\n")
                .append("daemon: { url: \"http://127.0.0.1:").append(port).append("/v1/ingest\", token: ").append(TOKEN).append(" }\n")
                .append("stateDir: agent-state\n")
                .append("pollInterval: 50ms\n")
                .append("batch: { maxLines: 500, maxBytes: 262144, linger: 50ms }\n")
                .append("inputs:\n");
        for (AgentInput input : inputs) {
            yaml.append("  - { paths: [\"").append(input.glob()).append("\"], service: ").append(input.service()).append(" }\n");
        }
        Files.writeString(dir.resolve("agent.yaml"), yaml.toString(), StandardCharsets.UTF_8);
        return restartAgent();
    }

    /** Starts the agent again on the same config and state folder. */
    public ChildProcess restartAgent() throws IOException {
        agent = ChildProcess.start("agent", dir, dir.resolve("agent.out"), Map.of(), "agent", "--config", dir.resolve("agent.yaml").toString());
        return agent;
    }

    public ChildProcess daemon() {
        return daemon;
    }

    public ChildProcess agent() {
        return agent;
    }

    /** What the daemon printed so far. */
    public String daemonOutput() {
        return read(dir.resolve("daemon.out"));
    }

    /** What both processes printed, for failure messages. */
    public String outputs() {
        return "--- daemon ---\n" + daemonOutput() + "\n--- agent ---\n" + read(dir.resolve("agent.out"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private static void kill(ChildProcess process) throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        if (process.awaitExit(10) == -1) {
            throw new AssertionError(process.name() + " (pid " + process.pid() + ") still runs 10 s after SIGKILL");
        }
    }

    /** One agent input: a glob and the service name attached to its lines. */
    public record AgentInput(String glob, String service) {
    }
}

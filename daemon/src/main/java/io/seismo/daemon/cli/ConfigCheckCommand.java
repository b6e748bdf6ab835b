package io.seismo.daemon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seismo.daemon.config.DaemonConfigCheck;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code seismo config check FILE…}: tells whether each file is a daemon or an agent config (or is told), checks
 * it the way the process would at start, and prints {@code FILE: OK} or one {@code FILE: problem} line per
 * problem. The agent check is passed in because the daemon module cannot see the agent's; the launcher wires
 * both.
 */
public final class ConfigCheckCommand {
    /** Exit code when every file is good. */
    public static final int EXIT_OK = 0;
    /** Exit code when a file is bad, unreadable or of an unknown kind: the same code the daemon stops with. */
    public static final int EXIT_BAD_CONFIG = DaemonCommand.EXIT_BAD_CONFIG;

    /** Which process a config file is for. */
    public enum Kind { DAEMON, AGENT }

    // Keys only one of the two files has; a file is recognised by the first one it holds.
    private static final Set<String> DAEMON_KEYS = Set.of("listen", "auth", "sinks", "rulesDir", "dataDir",
            "pipeline", "sources", "engine", "alerting", "defaultFormat", "maxBodyBytes", "durability",
            "rulesWatchInterval");
    private static final Set<String> AGENT_KEYS = Set.of("inputs", "daemon", "agentId", "stateDir", "batch",
            "retry", "pollInterval", "maxLineBytes", "maxInFlightBatches", "closeInactive", "forgetAfter", "scrape",
            "metrics");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final DaemonConfigCheck daemonCheck;
    private final Function<Path, List<String>> agentCheck;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param agentCheck the agent's problems in a file, empty when the agent would start
     * @param out        where {@code FILE: OK} goes
     * @param err        where problems go
     */
    public ConfigCheckCommand(DaemonConfigCheck daemonCheck, Function<Path, List<String>> agentCheck,
                              PrintWriter out, PrintWriter err) {
        this.daemonCheck = daemonCheck;
        this.agentCheck = agentCheck;
        this.out = out;
        this.err = err;
    }

    /** Checks every file (not stopping at the first bad one); {@code kind} empty means detect it per file. */
    public int check(List<Path> files, Optional<Kind> kind) {
        boolean allGood = true;
        for (Path file : files) {
            List<String> problems = problems(file, kind);
            if (problems.isEmpty()) {
                out.println(file + ": OK");
            } else {
                problems.forEach(problem -> err.println(file + ": " + problem));
                allGood = false;
            }
        }
        out.flush();
        err.flush();
        return allGood ? EXIT_OK : EXIT_BAD_CONFIG;
    }

    private List<String> problems(Path file, Optional<Kind> forced) {
        Optional<Kind> kind;
        try {
            kind = forced.isPresent() ? forced : detect(file);
        } catch (IOException e) {
            return List.of("cannot be read: " + e.getMessage());
        }
        if (kind.isEmpty()) {
            return List.of("cannot tell a daemon config from an agent config (no key such as listen, auth, sinks,"
                    + " inputs or daemon); pass --daemon or --agent");
        }
        return kind.get() == Kind.DAEMON ? daemonCheck.problems(file) : agentCheck.apply(file);
    }

    /** Empty when the file holds no telling key; unparseable YAML is left to the checks, which explain it. */
    static Optional<Kind> detect(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return Optional.of(Kind.DAEMON);
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (AGENT_KEYS.contains(name)) {
                return Optional.of(Kind.AGENT);
            }
            if (DAEMON_KEYS.contains(name)) {
                return Optional.of(Kind.DAEMON);
            }
        }
        return Optional.empty();
    }
}

package io.seismo.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the packages give the agent and the daemon, read from the environment file they install
 * (packaging/src/dist/default/seismo), so that the benchmark runs them as users do.
 */
final class PackagedJvmOptions {
    private static final String AGENT = "SEISMO_AGENT_JAVA_OPTS=";
    private static final String DAEMON = "SEISMO_JAVA_OPTS=";
    /** The daemon's heap in the benchmark: a million open traces and the rules' windows do not fit the packaged 1 GB. */
    private static final List<String> BENCH_DAEMON_HEAP = List.of("-Xms4g", "-Xmx4g");

    private PackagedJvmOptions() {
    }

    static List<String> agent(Path root) {
        return packaged(root, AGENT);
    }

    /** The daemon's packaged options (GC and all) with the benchmark's heap in place of the packaged one. */
    static List<String> daemon(Path root) {
        List<String> options = new ArrayList<>(BENCH_DAEMON_HEAP);
        packaged(root, DAEMON).stream()
                .filter(option -> !option.startsWith("-Xms") && !option.startsWith("-Xmx"))
                .forEach(options::add);
        return List.copyOf(options);
    }

    private static List<String> packaged(Path root, String variable) {
        Path file = root.resolve("packaging/src/dist/default/seismo");
        try {
            String line = Files.readAllLines(file).stream().filter(l -> l.startsWith(variable)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " sets no " + variable));
            String value = line.substring(variable.length()).replace("\"", "").trim();
            // Logging configuration is the packages' business, not the benchmark's.
            return Arrays.stream(value.split("\\s+")).filter(option -> !option.startsWith("-Dlogback")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged JVM options in " + file, e);
        }
    }
}

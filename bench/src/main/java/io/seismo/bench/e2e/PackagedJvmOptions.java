package io.seismo.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the packages give the agent, read from the environment file they install
 * (packaging/src/dist/default/seismo), so that the benchmark runs the agent exactly as users do.
 */
final class PackagedJvmOptions {
    private static final String AGENT = "SEISMO_AGENT_JAVA_OPTS=";

    private PackagedJvmOptions() {
    }

    static List<String> agent(Path root) {
        Path file = root.resolve("packaging/src/dist/default/seismo");
        try {
            String line = Files.readAllLines(file).stream().filter(l -> l.startsWith(AGENT)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " sets no " + AGENT));
            String value = line.substring(AGENT.length()).replace("\"", "").trim();
            // Logging configuration is the packages' business, not the benchmark's.
            return Arrays.stream(value.split("\\s+")).filter(option -> !option.startsWith("-Dlogback")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged JVM options in " + file, e);
        }
    }
}

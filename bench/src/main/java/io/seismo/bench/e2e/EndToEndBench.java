package io.seismo.bench.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark of issue 8: {@code bench/run-e2e [options]} (see {@link E2eOptions#USAGE}). Prints
 * the machine, the settings and a table of each figure's median and min–max over the runs, and writes the
 * same as JSON.
 */
public final class EndToEndBench {
    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("seismo.root", ".")).toAbsolutePath().normalize();
        E2eOptions options;
        try {
            options = E2eOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        JsonObject result = run(options);
        System.out.println(Table.render(result));
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        Files.writeString(options.json(), result.encodePrettily(), StandardCharsets.UTF_8);
        System.out.println("written to " + options.json());
    }

    /** Runs the benchmark as the options say and returns the result as it is written to JSON. */
    static JsonObject run(E2eOptions options) throws Exception {
        if (!Files.isDirectory(options.lib())) {
            throw new IllegalStateException(options.lib() + " is missing: build the distribution first "
                    + "(./mvnw -q -pl packaging -am package -DskipTests)");
        }
        List<RunFigures> runs = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            Path work = Files.createTempDirectory("seismo-e2e-");
            try {
                runs.add(options.mode() == E2eOptions.Mode.AGENT ? AgentRun.run(options, work) : PipelineRun.run(options, work));
            } finally {
                deleteQuietly(work);
            }
        }
        return json(options, runs);
    }

    private static JsonObject json(E2eOptions options, List<RunFigures> runs) {
        JsonObject figures = new JsonObject();
        for (String name : RunFigures.ORDER) {
            List<Double> values = runs.stream().map(run -> run.get(name)).filter(v -> !v.isNaN()).sorted().toList();
            if (values.isEmpty()) {
                // Not measured in this mode (or nothing to measure): said so rather than left out.
                figures.put(name, new JsonObject().putNull("median").putNull("min").putNull("max").put("runs", new JsonArray()));
                continue;
            }
            figures.put(name, new JsonObject()
                    .put("median", values.get(values.size() / 2))
                    .put("min", values.get(0))
                    .put("max", values.get(values.size() - 1))
                    .put("runs", new JsonArray(new ArrayList<>(values))));
        }
        return new JsonObject()
                .put("machine", Machine.describe())
                .put("mode", options.mode().name().toLowerCase(java.util.Locale.ROOT))
                .put("rate", options.rateText())
                .put("warmupSeconds", options.warmup().toSeconds())
                .put("measuredSeconds", options.measure().toSeconds())
                .put("runs", options.runs())
                .put("files", options.files())
                .put("rules", options.rules())
                .put("traceKeys", options.traceKeys())
                .put("daemonSettings", options.mode() == E2eOptions.Mode.AGENT ? "none (no daemon)" : BenchFiles.daemonSettings(options.parseThreads()) + "; JVM " + String.join(" ", options.daemonJvm()))
                .put("agentSettings", BenchFiles.agentSettings(options.agentTiming(), options.agentJvm()))
                .put("method", options.mode() == E2eOptions.Mode.AGENT ? AgentRun.describe(options.rate())
                        : "generator, agent and daemon share every core" + (options.bindsBacklog()
                        ? "; the generator writes at most " + options.maxBacklog() + " lines ahead of the daemon's ingest" : ""))
                .put("pinning", options.mode() == E2eOptions.Mode.AGENT ? CorePinning.describe() : "none")
                .put("sustained", runs.stream().allMatch(run -> run.get(RunFigures.LOSS) == 0))
                .put("figures", figures);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

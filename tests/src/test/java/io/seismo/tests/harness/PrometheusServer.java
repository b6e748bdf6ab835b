package io.seismo.tests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (the Debian package's {@code /usr/bin/prometheus}) on a free loopback port, scraping the
 * given targets every second into a temporary TSDB. {@link #close} stops it (SIGTERM, then SIGKILL).
 */
public final class PrometheusServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path output;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.base = "http://127.0.0.1:" + port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts Prometheus and waits (bounded) until it is ready.
     *
     * @param dir     its config, data and output go here
     * @param targets one scrape job per target
     */
    public static PrometheusServer start(Path dir, List<ScrapeTarget> targets) throws IOException {
        int port = FreePort.pick();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, config(targets), StandardCharsets.UTF_8);
        Path output = dir.resolve("prometheus.out");
        Process process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("tsdb")),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, output, port);
        try {
            await("prometheus ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .failFast("prometheus exited", () -> !process.isAlive())
                    .until(server::ready);
        } catch (RuntimeException e) {
            server.close();
            throw new AssertionError("Prometheus did not become ready: " + e.getMessage() + "\n" + server.output(), e);
        }
        return server;
    }

    /** Runs an instant query; returns the {@code data} object, or throws with Prometheus's error. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException(body.path("errorType").asText() + ": " + body.path("error").asText());
        }
        return body.path("data");
    }

    /** True when the query succeeds and returns at least one series (or a scalar). */
    public boolean hasData(String promql) throws IOException, InterruptedException {
        JsonNode data = query(promql);
        JsonNode result = data.path("result");
        return "scalar".equals(data.path("resultType").asText()) || "string".equals(data.path("resultType").asText())
                || result.size() > 0;
    }

    /** The health Prometheus last saw per scrape job ({@code up}). */
    public Map<String, String> targetHealth() throws IOException, InterruptedException {
        JsonNode active = JSON.readTree(get("/api/v1/targets").body()).path("data").path("activeTargets");
        return java.util.stream.StreamSupport.stream(active.spliterator(), false)
                .collect(Collectors.toMap(t -> t.path("labels").path("job").asText(),
                        t -> t.path("health").asText() + " " + t.path("lastError").asText(), (a, b) -> a + "; " + b));
    }

    /** What Prometheus printed, for failure messages. */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String config(List<ScrapeTarget> targets) {
        StringBuilder yaml = new StringBuilder("global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }\n")
                .append("scrape_configs:\n");
        for (ScrapeTarget target : targets) {
            yaml.append("  - job_name: ").append(target.job()).append('\n')
                    .append("    static_configs:\n")
                    .append("      - targets: [\"127.0.0.1:").append(target.port()).append("\"]\n");
            if (!target.labels().isEmpty()) {
                yaml.append("        labels: {").append(target.labels().entrySet().stream()
                        .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining(", "))).append("}\n");
            }
        }
        return yaml.toString();
    }

    /** One {@code /metrics} endpoint on loopback, with extra target labels (e.g. {@code host}). */
    public record ScrapeTarget(String job, int port, Map<String, String> labels) {
    }
}

package io.seismo.daemon;

import io.seismo.daemon.config.DaemonConfigLoader;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.finding.Finding;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A daemon in this JVM stopped and started again on the same data folder. */
class DaemonDurabilityTest {
    private static final String TOKEN = "t0ken";
    private static final String BATCH = "{\"o\":0,\"l\":\"first\"}\n{\"o\":6,\"l\":\"second\"}\n";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void shouldCountAnAgentsResendAfterARestartAsDuplicates() throws Exception {
        daemon = start();
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ingest(BATCH).body()).getInteger("accepted")).isEqualTo(2);
        daemon.close();

        daemon = start();
        HttpResponse<String> resent = ingest(BATCH + "{\"o\":13,\"l\":\"third\"}\n");

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(new JsonObject(resent.body()).getInteger("duplicates")).isEqualTo(2);
        assertThat(new JsonObject(resent.body()).getInteger("accepted")).isEqualTo(1);
        assertThat(daemon.metrics().duplicateLines.get()).isEqualTo(2);
    }

    @Test
    void shouldExportTheDurabilityMetricsUnderTheNamesTheCrashTestsRead() throws Exception {
        daemon = start();

        String metrics = get("/metrics").body();

        assertThat(metrics).contains("seismo_checkpoint_duration_seconds_count", "seismo_checkpoint_bytes ",
                "seismo_checkpoints_total ", "seismo_checkpoint_failures_total ", "seismo_checkpoint_age_seconds ",
                "seismo_checkpoint_fallbacks_total ", "seismo_journal_tail_truncated_total ", "seismo_replay_events_total ",
                "seismo_replay_seconds ");
    }

    @Test
    void shouldWriteAFinalCheckpointOnAGracefulStopSoThatNothingIsReplayed() throws Exception {
        assumeTrue(engineSnapshotsWork(), "the installed seismo-rules cannot snapshot its engine yet");
        daemon = start();
        ingest(BATCH);
        daemon.close();

        try (Stream<Path> files = Files.list(dir.resolve("data/checkpoints"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.matches("checkpoint-\\d{16}\\.bin"));
        }
        daemon = start();
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("seismo_replay_events_total 0.0");
    }

    private Daemon start() throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        Path config = dir.resolve("seismo.yaml");
        Files.writeString(config, """
                listen: { host: 127.0.0.1, port: 0 }
                auth: { tokens: [ %s ] }
                dataDir: data
                rulesDir: rules
                durability: { fsync: interval, fsyncInterval: 100ms, checkpointInterval: 1h, shutdownTimeout: 5s }
                sinks: [ { name: console, type: stdout } ]
                """.formatted(TOKEN), StandardCharsets.UTF_8);
        return Daemon.start(() -> new DaemonConfigLoader(Map.of()).load(config));
    }

    private HttpResponse<String> ingest(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/ingest"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Seismo-Service", "checkout")
                .header("Seismo-Path", "/var/log/checkout.log")
                .header("Seismo-Source", "file-1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + daemon.port() + path);
    }

    private static boolean engineSnapshotsWork() {
        EngineListener quiet = new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
            }
        };
        try {
            new CorrelationEngine(RuleSet.empty(), EngineOptions.defaults(), quiet).snapshot();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}

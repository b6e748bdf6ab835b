package io.seismo.daemon.reload;

import io.seismo.daemon.Daemon;
import io.seismo.daemon.config.DaemonConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A daemon in this JVM, started from a config file, whose rules folder changes under it. */
class DaemonReloadTest {
    private static final String TOKEN = "t0ken";
    private static final String ERRORS_RULE = """
            threshold('payments-errors') {
                window sliding(10.seconds, 1.second)
                fireWhen { errors >= 3 && errorRatio > 0.5 }
            }
            """;

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        writeRule("payments.groovy", ERRORS_RULE);
        // Reloads in these tests are asked for; a rule file change reloading on its own is tested apart.
        daemon = startWith("rulesWatchInterval: 0s");
    }

    private Daemon startWith(String extraYaml) throws Exception {
        Path config = dir.resolve("seismo.yaml");
        Files.writeString(config, extraYaml + "\n" + """
                listen: { host: 127.0.0.1, port: 0 }
                auth: { tokens: [ %s ] }
                dataDir: data
                rulesDir: rules
                pipeline: { journalFsync: false }
                engine: { allowedLateness: 100ms, idleTimeout: 500ms }
                alerting: { groupWait: 100ms }
                sinks: [ { name: console, type: stdout } ]
                """.formatted(TOKEN), StandardCharsets.UTF_8);
        return Daemon.start(() -> new DaemonConfigLoader(Map.of()).load(config));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void shouldRunARuleFileAddedBeforeAReload() throws Exception {
        writeRule("any.groovy", ERRORS_RULE.replace("payments-errors", "any-errors"));

        HttpResponse<String> reload = reload(TOKEN);

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(new JsonObject(reload.body()).getInteger("rules")).isEqualTo(2);
        assertThat(ruleFiles()).containsEntry("any-errors", "any.groovy").containsEntry("payments-errors", "payments.groovy");
        assertThat(daemon.metrics().reloads.get()).isEqualTo(1);
        assertThat(daemon.metrics().rulesLoaded.get()).isEqualTo(2);
        assertThat(daemon.metrics().reloadFailures.get()).isZero();
    }

    @Test
    void shouldKeepRunningTheOldRulesWhenAReloadedRuleDoesNotCompile() throws Exception {
        writeRule("broken.groovy", """
                threshold('fine') {
                    fireWhen { count > 1 }
                }
                threshold('broken' {
                """);

        HttpResponse<String> reload = reload(TOKEN);

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(422);
        JsonObject result = new JsonObject(reload.body());
        assertThat(result.getBoolean("ok")).isFalse();
        assertThat(result.getInteger("rules")).isEqualTo(1);
        assertThat(result.getJsonArray("problems").getString(0)).startsWith("broken.groovy:4:");
        assertThat(ruleFiles()).containsOnlyKeys("payments-errors");
        assertThat(daemon.metrics().reloadFailures.get()).isEqualTo(1);
        assertThat(daemon.metrics().reloads.get()).isZero();

        ingestErrors(5);
        await("the old rule fires").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/v1/alerts").body().contains("payments-errors"));
    }

    @Test
    void shouldReloadOnItsOwnWhenARuleFileChangesAndReportTheOutcome() throws Exception {
        daemon.close();
        daemon = startWith("rulesWatchInterval: 100ms");
        assertThat(new JsonObject(get("/v1/reload").body()).getValue("last")).isNull();

        writeRule("any.groovy", ERRORS_RULE.replace("payments-errors", "any-errors"));
        await("the new rule file is loaded").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> ruleFiles().containsKey("any-errors"));
        writeRule("any.groovy", "threshold('any-errors' {\n");
        await("the broken file is reported").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> daemon.metrics().reloadFailures.get() == 1);

        JsonObject last = new JsonObject(get("/v1/reload").body()).getJsonObject("last");
        assertThat(last.getBoolean("ok")).isFalse();
        assertThat(last.getJsonArray("problems").getString(0)).startsWith("any.groovy:1:");
        assertThat(ruleFiles()).as("the running set stays").containsKeys("any-errors", "payments-errors");
    }

    @Test
    void shouldRefuseAReloadWithoutTheToken() throws Exception {
        HttpResponse<String> reload = reload("wrong");

        assertThat(reload.statusCode()).isEqualTo(401);
        assertThat(daemon.metrics().reloads.get()).isZero();
    }

    private void writeRule(String fileName, String groovy) throws IOException {
        Files.writeString(dir.resolve("rules").resolve(fileName), groovy, StandardCharsets.UTF_8);
    }

    private Map<String, Object> ruleFiles() throws Exception {
        HttpResponse<String> rules = get("/v1/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        JsonObject byName = new JsonObject();
        new JsonArray(rules.body()).forEach(rule -> {
            JsonObject loaded = (JsonObject) rule;
            byName.put(loaded.getString("name"), loaded.getString("file"));
        });
        return byName.getMap();
    }

    private void ingestErrors(int count) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String line = new JsonObject().put("time", Instant.now().toString()).put("level", "ERROR")
                    .put("service", "payments").put("message", "payment failed " + i).encode();
            body.append(new JsonObject().put("o", i * 100L).put("l", line).encode()).append('\n');
        }
        HttpResponse<String> response = client.send(request("/v1/ingest", TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .header("Seismo-Service", "payments")
                .header("Seismo-Path", "/var/log/payments.log")
                .header("Seismo-Source", "payments-source")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> reload(String token) throws Exception {
        return client.send(request("/v1/reload", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .timeout(Duration.ofSeconds(20));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}

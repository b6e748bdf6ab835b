package io.seismo.daemon.cli;

import io.seismo.daemon.Daemon;
import io.seismo.daemon.config.DaemonConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seismo silence} and {@code /v1/silences} against a daemon running in this JVM, across a restart. */
class SilenceCommandTest {
    private static final String TOKEN = "t0ken";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void shouldAddListAndExpireSilencesThatSurviveARestart() throws Exception {
        daemon = start();

        Run added = seismo("add", "--url", base(), "--token", TOKEN, "service=\"checkout\"", "severity=~\"crit.*\"",
                "--duration", "2h", "--comment", "deploy 4.2", "--author", "alice");

        assertThat(added.exit).as(added.err).isZero();
        String id = added.out.strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        JsonArray listed = new JsonArray(get("/v1/silences").body());
        assertThat(listed).hasSize(1);
        JsonObject silence = listed.getJsonObject(0);
        assertThat(silence.getString("id")).isEqualTo(id);
        assertThat(silence.getString("state")).isEqualTo("active");
        assertThat(silence.getJsonArray("matchers")).containsExactly("service=\"checkout\"", "severity=~\"crit.*\"");
        assertThat(silence.getString("createdBy")).isEqualTo("alice");
        assertThat(silence.getString("comment")).isEqualTo("deploy 4.2");

        daemon.close();
        daemon = start();

        Run list = seismo("list", "--url", base());
        assertThat(list.exit).isZero();
        assertThat(list.out).contains(id, "active", "service=\"checkout\"", "# deploy 4.2");
        assertThat(get("/metrics").body()).contains("seismo_silences{state=\"active\"} 1.0");

        Run expired = seismo("expire", "--url", base(), "--token", TOKEN, id);
        assertThat(expired.exit).as(expired.err).isZero();
        assertThat(new JsonArray(get("/v1/silences?state=expired").body())).hasSize(1);
        assertThat(new JsonArray(get("/v1/silences?state=active").body())).isEmpty();
    }

    @Test
    void shouldRefuseChangesWithoutTheTokenAndExplainBadInput() throws Exception {
        daemon = start();

        HttpResponse<String> anonymous = post("{\"matchers\":[\"service=\\\"a\\\"\"],\"duration\":\"1h\"}", null);
        HttpResponse<String> badMatcher = post("{\"matchers\":[\"service=a\\\"\"],\"duration\":\"1h\"}", TOKEN);
        HttpResponse<String> noEnd = post("{\"matchers\":[\"service=\\\"a\\\"\"]}", TOKEN);
        HttpResponse<String> notJson = post("matchers: service", TOKEN);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(badMatcher.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badMatcher.body()).getString("error")).startsWith("bad silence:");
        assertThat(noEnd.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noEnd.body()).getString("error")).contains("needs an end");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(new JsonArray(get("/v1/silences").body())).isEmpty();

        Run unknown = seismo("expire", "--url", base(), "--token", TOKEN, "no-such-id");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("404", "no silence with id no-such-id");
        Run usage = seismo("add", "--url", base(), "--token", TOKEN);
        assertThat(usage.exit).isEqualTo(2);
        Run unreachable = seismo("list", "--url", "http://127.0.0.1:1");
        assertThat(unreachable.exit).isEqualTo(1);
        assertThat(unreachable.err).contains("no daemon answers");
    }

    private Daemon start() throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        Path config = dir.resolve("seismo.yaml");
        Files.writeString(config, """
                listen: { host: 127.0.0.1, port: 0 }
                auth: { tokens: [ %s ] }
                dataDir: data
                rulesDir: rules
                durability: { checkpointInterval: 1h, shutdownTimeout: 5s }
                sinks: [ { name: console, type: stdout } ]
                """.formatted(TOKEN), StandardCharsets.UTF_8);
        return Daemon.start(() -> new DaemonConfigLoader(Map.of()).load(config));
    }

    private String base() {
        return "http://127.0.0.1:" + daemon.port();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/v1/silences"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs {@code seismo silence ARGS} in this JVM and captures what it prints. */
    private static Run seismo(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new SilenceCommand()).execute(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int exit, String out, String err) {
    }
}

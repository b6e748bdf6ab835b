package io.seismo.agent.metrics;

import io.seismo.agent.Agent;
import io.seismo.agent.config.ScrapeTarget;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.MetricsEndpoint;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The agent's own /metrics, read over HTTP from a running agent that tails a file and scrapes an endpoint. */
class AgentMetricsEndpointTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private FakeDaemon daemon;
    private MetricsEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        daemon = FakeDaemon.start();
        endpoint = MetricsEndpoint.start();
        endpoint.serve("up 1\n");
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        daemon.close();
    }

    @Test
    void shouldServeTheAgentsCountersLagScrapesAndJvmMetrics() throws Exception {
        Path log = dir.resolve("logs").resolve("app.log");
        Files.createDirectories(log.getParent());
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.getParent() + "/*.log", "app")
                     .scrape(new ScrapeTarget(endpoint.url(), Duration.ofMillis(200), Duration.ofMillis(200), "app", Map.of()))
                     .metricsListen(new InetSocketAddress("127.0.0.1", 0))
                     .build())) {
            file.write("one\ntwo\nthree\n");
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == 14
                    && agent.stats().scrapes().samples() >= 2);

            String metrics = get(agent);

            assertThat(metrics)
                    .contains("seismo_agent_lines_read_total 3.0")
                    .contains("seismo_agent_bytes_read_total 14.0")
                    .contains("seismo_agent_open_files 1.0")
                    .contains("seismo_agent_lag_bytes{path=\"" + log.toAbsolutePath().normalize() + "\"} 0.0")
                    .contains("seismo_agent_scrapes_total{result=\"skipped\"} 0.0")
                    .contains("# TYPE jvm_memory_used_bytes gauge");
            assertThat(metrics).containsPattern("seismo_agent_batches_sent_total [1-9]")
                    .containsPattern("seismo_agent_batch_retries_total 0.0")
                    .containsPattern("seismo_agent_scrapes_total\\{result=\"success\"} [1-9]")
                    .containsPattern("seismo_agent_scrapes_total\\{result=\"failure\"} [0-9]")
                    .containsPattern("seismo_agent_scrape_samples_total [1-9]");
            lint(metrics);
        }
    }

    @Test
    void shouldServeNoMetricsUnlessAsked() throws Exception {
        try (Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), dir + "/*.log", "app").build())) {
            assertThat(agent.metricsAddress()).isNull();
        }
    }

    private static String get(Agent agent) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + agent.metricsAddress().getPort() + "/metrics");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    /** {@code promtool check metrics}, where the Debian package prometheus is installed. */
    private static void lint(String metrics) throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed (Debian package prometheus); skipping the lint");
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.exitValue()).as("promtool check metrics said:\n%s", findings).isZero();
    }
}

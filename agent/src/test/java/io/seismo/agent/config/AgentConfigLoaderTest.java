package io.seismo.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigLoaderTest {
    private static final String SAMPLE = String.join("\n",
            "agentId: web-1",
            "host: web-1.example.org",
            "daemon:",
            "  url: http://127.0.0.1:7070/v1/ingest",
            "  token: secret",
            "stateDir: ./agent-state",
            "pollInterval: 100ms",
            "maxLineBytes: 65536",
            "batch: { maxLines: 2000, maxBytes: 1048576, linger: 200ms }",
            "retry: { initialBackoff: 100ms, maxBackoff: 10s }",
            "inputs:",
            "  - paths: [\"/var/log/checkout/*.log\"]",
            "    service: checkout",
            "  - paths: logs/payments-*.log",
            "    service: payments",
            "");

    @TempDir
    Path dir;

    private final AgentConfigLoader loader = new AgentConfigLoader(Map.of());

    @Test
    void shouldLoadEveryKeyOfTheDocumentedExample() {
        AgentConfig config = loader.parse(SAMPLE, dir);

        assertThat(config.agentId()).isEqualTo("web-1");
        assertThat(config.host()).isEqualTo("web-1.example.org");
        assertThat(config.daemon().url()).isEqualTo(URI.create("http://127.0.0.1:7070/v1/ingest"));
        assertThat(config.daemon().token()).isEqualTo("secret");
        assertThat(config.stateDir()).isEqualTo(dir.resolve("agent-state"));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.maxLineBytes()).isEqualTo(65536);
        assertThat(config.batch()).isEqualTo(new BatchLimits(2000, 1048576, Duration.ofMillis(200)));
        assertThat(config.retry()).isEqualTo(new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(10)));
        assertThat(config.inputs()).containsExactly(
                new InputSpec(List.of("/var/log/checkout/*.log"), "checkout"),
                new InputSpec(List.of(dir.resolve("logs/payments-*.log").toString()), "payments"));
    }

    @Test
    void shouldFillDefaultsAndNeverShowTheToken() {
        AgentConfig config = loader.parse("daemon: { url: 'http://d:7070/v1/ingest', token: s3cr3t }\n"
                + "inputs: [ { paths: [/x/*.log], service: x } ]\n", dir);

        assertThat(config.agentId()).isNotBlank().isEqualTo(config.host());
        assertThat(config.batch()).isEqualTo(BatchLimits.DEFAULT);
        assertThat(config.retry()).isEqualTo(RetryBackoff.DEFAULT);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void shouldTakeTheTokenFromAFileOrTheEnvironment() throws Exception {
        Files.writeString(dir.resolve("token"), "\n  from-file  \n");
        String base = "inputs: [ { paths: [/x/*.log], service: x } ]\n";

        assertThat(loader.parse(base + "daemon: { url: 'http://d/v1/ingest', tokenFile: token }\n", dir)
                .daemon().token()).isEqualTo("from-file");
        assertThat(new AgentConfigLoader(Map.of(AgentConfigLoader.TOKEN_ENV, "from-env"))
                .parse(base + "daemon: { url: 'http://d/v1/ingest' }\n", dir).daemon().token()).isEqualTo("from-env");
        assertThatThrownBy(() -> loader.parse(base + "daemon: { url: 'http://d/v1/ingest' }\n", dir))
                .hasMessageStartingWith("daemon.token: no token configured");
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertBad("pollInterval: soon", "pollInterval: 'soon' is not a duration");
        assertBad("batch: { linger: 5 }", "batch.linger: '5' is not a duration");
        assertBad("batch: { maxLines: 0 }", "batch.maxLines: must be at least 1");
        assertBad("maxLineBytes: lots", "maxLineBytes: 'lots' is not a whole number");
        assertBad("retry: { initialBackoff: 5s, maxBackoff: 1s }", "retry.maxBackoff: must not be shorter");
        assertBad("batch: { lingr: 5ms }", "batch.lingr: unknown key");
    }

    @Test
    void shouldNameTheInputAndTheDaemonKeysThatAreWrong() {
        String daemon = "daemon: { url: 'http://d/v1/ingest', token: t }\n";
        assertThatThrownBy(() -> loader.parse(daemon + "inputs: [ { paths: [/a], service: a }, { paths: [/b] } ]", dir))
                .isInstanceOf(AgentConfigException.class).hasMessageStartingWith("inputs[1].service: is required");
        assertThatThrownBy(() -> loader.parse(daemon, dir)).hasMessageStartingWith("inputs: must list at least one");
        assertThatThrownBy(() -> loader.parse("daemon: { url: 'ftp://d/x', token: t }\n"
                + "inputs: [ { paths: [/a], service: a } ]", dir)).hasMessageStartingWith("daemon.url:");
        assertThatThrownBy(() -> loader.parse("inputs: [ { paths: [/a], service: a } ]", dir))
                .hasMessageStartingWith("daemon.url: is required");
    }

    @Test
    void shouldReportAMissingFileAndBrokenYaml() throws Exception {
        assertThatThrownBy(() -> loader.load(dir.resolve("absent.yaml"))).hasMessageContaining("no such file");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "daemon: [unclosed\n");
        assertThatThrownBy(() -> loader.load(broken)).hasMessageContaining("is not valid YAML");
    }

    private void assertBad(String line, String expectedStart) {
        String yaml = "daemon: { url: 'http://d/v1/ingest', token: t }\ninputs: [ { paths: [/a], service: a } ]\n" + line + "\n";
        assertThatThrownBy(() -> loader.parse(yaml, dir))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageStartingWith(expectedStart);
    }

    private static final String SCRAPING = String.join("\n",
            "daemon: { url: http://127.0.0.1:7070/v1/ingest, token: secret }",
            "scrape:",
            "  - url: http://127.0.0.1:9187/metrics",
            "    service: db",
            "    labels: { env: prod, role: primary }",
            "  - url: https://10.0.0.5:9100/metrics",
            "    interval: 30s",
            "    timeout: 10s",
            "    service: node",
            "metrics: { listen: 127.0.0.1:9091 }",
            "");

    @Test
    void shouldLoadScrapeTargetsWithDefaultsAndTheMetricsListenAddress() {
        AgentConfig config = loader.parse(SCRAPING, dir);

        assertThat(config.inputs()).isEmpty();
        assertThat(config.scrapes()).containsExactly(
                new ScrapeTarget(URI.create("http://127.0.0.1:9187/metrics"), Duration.ofSeconds(15), Duration.ofSeconds(5),
                        "db", Map.of("env", "prod", "role", "primary")),
                new ScrapeTarget(URI.create("https://10.0.0.5:9100/metrics"), Duration.ofSeconds(30), Duration.ofSeconds(10),
                        "node", Map.of()));
        assertThat(config.scrapes().get(0).sourceId()).isEqualTo("scrape:http://127.0.0.1:9187/metrics");
        assertThat(config.metricsListen().getHostString()).isEqualTo("127.0.0.1");
        assertThat(config.metricsListen().getPort()).isEqualTo(9091);
    }

    @Test
    void shouldServeNoMetricsByDefault() {
        assertThat(loader.parse(SAMPLE, dir).metricsListen()).isNull();
        assertThat(loader.parse(SAMPLE, dir).scrapes()).isEmpty();
    }

    @Test
    void shouldNameTheScrapeKeyAtFault() {
        String daemon = "daemon: { url: http://127.0.0.1:7070/v1/ingest, token: secret }\n";
        assertThatThrownBy(() -> loader.parse(daemon + "scrape:\n  - service: db\n", dir))
                .hasMessageStartingWith("scrape[0].url: is required");
        assertThatThrownBy(() -> loader.parse(daemon + "scrape:\n  - { url: ftp://x/metrics, service: db }\n", dir))
                .hasMessageStartingWith("scrape[0].url:");
        assertThatThrownBy(() -> loader.parse(daemon + "scrape:\n  - { url: http://x/m, service: db, interval: 5s, timeout: 10s }\n", dir))
                .hasMessageStartingWith("scrape[0].timeout: must not be longer than");
        assertThatThrownBy(() -> loader.parse(daemon + "scrape:\n  - { url: http://x/m, service: db, labels: { 1bad: x } }\n", dir))
                .hasMessageStartingWith("scrape[0].labels.1bad:");
        assertThatThrownBy(() -> loader.parse(daemon + "scrape:\n  - { url: http://x/m, service: db, every: 5s }\n", dir))
                .hasMessageStartingWith("scrape[0].every: unknown key");
        assertThatThrownBy(() -> loader.parse(daemon + "inputs: []\n", dir))
                .hasMessageStartingWith("inputs: must list at least one input");
        assertThatThrownBy(() -> loader.parse(daemon + "scrape: [{ url: http://x/m, service: db }]\nmetrics: { listen: 9091 }\n", dir))
                .hasMessageStartingWith("metrics.listen: '9091' must be host:port");
    }
}

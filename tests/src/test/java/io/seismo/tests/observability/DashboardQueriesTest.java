package io.seismo.tests.observability;

import io.seismo.dist.demo.DemoFiles;
import io.seismo.dist.demo.GeneratorOptions;
import io.seismo.dist.demo.TrafficGenerator;
import io.seismo.tests.harness.Cluster;
import io.seismo.tests.harness.Cluster.AgentInput;
import io.seismo.tests.harness.FreePort;
import io.seismo.tests.harness.HttpProbe;
import io.seismo.tests.harness.PrometheusServer;
import io.seismo.tests.harness.PrometheusServer.ScrapeTarget;
import io.seismo.tests.harness.Promtool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every PromQL expression of every panel of every dashboard in {@code dashboards/} returns data from a real
 * Prometheus scraping a running daemon (and agent) under load: demo traffic, then a broken payments-db so that
 * errors, findings, alerts and notifications exist. Failing expressions are listed all at once. The same
 * processes' {@code /metrics} pass {@code promtool check metrics}.
 */
class DashboardQueriesTest {
    private static final Duration DATA_WAIT = Duration.ofSeconds(90);
    private static final Pattern DAEMON_PORT = Pattern.compile("port: (\\d+)");

    @TempDir
    static Path dir;


    private static int agentMetricsPort;
    private static TrafficGenerator traffic;
    private static Cluster cluster;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void startDaemonAgentAndPrometheus() throws Exception {
        assumeTrue(PrometheusServer.installed(), "prometheus not installed (Debian package prometheus); skipping the dashboard queries");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        traffic = TrafficGenerator.start(new GeneratorOptions(logs, 100, 7));
        cluster = new Cluster(Files.createDirectories(dir.resolve("cluster")));
        cluster.writeRule("services.groovy", DemoFiles.rules());
        cluster.startDaemon("""
                alerting: { groupWait: 1s }
                sinks:
                  - { name: console, type: stdout }
                """);
        cluster.awaitDaemonReady();
        List<AgentInput> inputs = traffic.graph().services().stream()
                .map(s -> new AgentInput(logs.resolve(s + ".log").toString(), s)).toList();
        List<ScrapeTarget> targets = new ArrayList<>();
        targets.add(new ScrapeTarget("seismo", daemonPort(), Map.of()));
        agentMetricsPort = FreePort.pick();
        cluster.startAgent(inputs, "metrics: { listen: \"127.0.0.1:" + agentMetricsPort + "\" }\n");
        targets.add(new ScrapeTarget("seismo-agent", agentMetricsPort, Map.of("host", "e2e-host")));
        prometheus = PrometheusServer.start(Files.createDirectories(dir.resolve("prometheus")), targets);

        await("healthy traffic ingested").atMost(Duration.ofSeconds(60))
                .until(() -> cluster.probe().metric("seismo_ingest_events_total") >= 500);
        // Errors make findings, alerts and notifications: the series the service panels chart.
        traffic.breakService("payments-db");
    }

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (traffic != null) {
            traffic.close();
        }
    }

    @Test
    void shouldAnswerEveryQueryOfThePipelineDashboard() throws Exception {
        assertEveryQueryHasData("seismo-pipeline.json");
    }

    @Test
    void shouldAnswerEveryQueryOfTheServicesDashboard() throws Exception {
        assertEveryQueryHasData("seismo-services.json");
    }

    @Test
    void shouldAnswerEveryQueryOfTheAgentsDashboard() throws Exception {
        assertEveryQueryHasData("seismo-agents.json");
    }

    @Test
    void shouldPassPromtoolCheckMetricsOnTheDaemonUnderLoad() throws Exception {
        assumeTrue(Promtool.installed(), "promtool not installed (Debian package prometheus); skipping the lint");
        assertLintClean("daemon", cluster.probe());
    }

    @Test
    void shouldPassPromtoolCheckMetricsOnTheAgent() throws Exception {
        assumeTrue(Promtool.installed(), "promtool not installed (Debian package prometheus); skipping the lint");
        assertLintClean("agent", new HttpProbe(agentMetricsPort));
    }

    @Test
    void shouldAcceptEveryAnnotationQueryAsValidPromql() throws Exception {
        List<String> invalid = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            for (DashboardQuery query : DashboardQuery.annotations(file)) {
                try {
                    prometheus.query(query.promql());
                } catch (IllegalArgumentException e) {
                    invalid.add(query + "\n    " + e.getMessage());
                }
            }
        }
        assertThat(invalid).as("annotation queries Prometheus refused").isEmpty();
    }

    private static void assertLintClean(String process, HttpProbe probe) throws IOException, InterruptedException {
        HttpResponse<String> scrape = probe.get("/metrics");
        assertThat(scrape.statusCode()).as("%s /metrics status", process).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).as("%s /metrics content type", process)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        Promtool.Result lint = Promtool.checkMetrics(scrape.body());
        assertThat(lint.exitCode()).as("promtool check metrics on the %s's /metrics said:\n%s", process, lint.output()).isZero();
    }

    private static void assertEveryQueryHasData(String dashboard) throws IOException {
        Path file = DashboardQuery.dashboardsDir().resolve(dashboard);
        List<DashboardQuery> queries = new ArrayList<>(DashboardQuery.panelTargets(file));
        queries.addAll(DashboardQuery.variables(file));
        assertThat(queries).as("queries in %s", file).isNotEmpty();
        await(dashboard + " queries return data").atMost(DATA_WAIT).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(withoutData(queries))
                        .as("queries of %s without data (scrape targets: %s)", dashboard, prometheus.targetHealth())
                        .isEmpty());
    }

    /** Each query that failed or returned nothing, with the reason. */
    private static List<String> withoutData(List<DashboardQuery> queries) throws InterruptedException {
        List<String> failing = new ArrayList<>();
        for (DashboardQuery query : queries) {
            try {
                if (!prometheus.hasData(query.promql())) {
                    failing.add(query + "\n    no data");
                }
            } catch (IllegalArgumentException | IOException e) {
                failing.add(query + "\n    " + e.getMessage());
            }
        }
        return failing;
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (var files = Files.list(DashboardQuery.dashboardsDir())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The port the harness gave the daemon, read back from the config it wrote. */
    private static int daemonPort() throws IOException {
        Matcher m = DAEMON_PORT.matcher(Files.readString(cluster.dir().resolve("seismo.yaml")));
        if (!m.find()) {
            throw new IllegalStateException("no port in the harness's seismo.yaml");
        }
        return Integer.parseInt(m.group(1));
    }
}

package io.seismo.tests;

import com.sun.net.httpserver.HttpServer;
import io.seismo.tests.harness.Cluster;
import io.seismo.tests.harness.WebhookReceiver;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics in, end to end: the test serves a Prometheus endpoint whose gauge it sets, the agent scrapes it and
 * ships the samples, a metric rule in the daemon fires when the gauge crosses its threshold and resolves when it
 * drops back, and both reach a webhook.
 */
class MetricRuleEndToEndTest {
    private static final String RULE = """
            metric('db-pool-saturated') {
                name 'db_pool_in_use'
                where { labels.pool == 'main' }
                window sliding(2.seconds, 500.milliseconds)
                fireWhen { max > 45 }
                severity CRITICAL
            }
            """;

    @TempDir
    Path dir;

    private final AtomicLong inUse = new AtomicLong(10);

    @Test
    void shouldFireWhenTheScrapedGaugeCrossesTheThresholdAndResolveWhenItDrops() throws Exception {
        HttpServer exporter = exporter();
        try (WebhookReceiver receiver = new WebhookReceiver(); Cluster cluster = new Cluster(dir)) {
            cluster.writeRule("pool.groovy", RULE);
            cluster.startDaemon("""
                    alerting: { groupWait: 0s }
                    sinks:
                      - { name: hook, type: webhook, url: "%s" }
                    """.formatted(receiver.url()));
            cluster.awaitDaemonReady();
            cluster.startAgent(List.of(), """
                    scrape:
                      - { url: "http://127.0.0.1:%d/metrics", interval: 200ms, timeout: 200ms, service: payments-db }
                    """.formatted(exporter.getAddress().getPort()));

            await("samples ingested").atMost(Duration.ofSeconds(60))
                    .until(() -> cluster.probe().metric("seismo_ingest_events_total") >= 20);
            assertThat(receiver.alerts()).as("alerts while the pool is fine\n%s", cluster.outputs()).isEmpty();

            inUse.set(48);
            await("firing alert").atMost(Duration.ofSeconds(60))
                    .until(() -> !withStatus(receiver, "firing").isEmpty());
            inUse.set(12);
            await("resolve").atMost(Duration.ofSeconds(60))
                    .until(() -> !withStatus(receiver, "resolved").isEmpty());

            JsonObject firing = withStatus(receiver, "firing").get(0);
            JsonObject labels = firing.getJsonObject("labels");
            assertThat(labels.getString("alertname")).isEqualTo("db-pool-saturated");
            assertThat(labels.getString("service")).isEqualTo("payments-db");
            assertThat(labels.getString("severity")).isEqualToIgnoringCase("critical");
            assertThat(withStatus(receiver, "resolved").get(0).getString("fingerprint"))
                    .isEqualTo(firing.getString("fingerprint"));
        } finally {
            exporter.stop(0);
        }
    }

    /** A Prometheus text endpoint with one gauge, set by the test. */
    private HttpServer exporter() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = """
                    # HELP db_pool_in_use Connections of the pool in use.
                    # TYPE db_pool_in_use gauge
                    db_pool_in_use{pool="main"} %d
                    db_pool_in_use{pool="reports"} 50
                    """.formatted(inUse.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static List<JsonObject> withStatus(WebhookReceiver receiver, String status) {
        return receiver.alerts().stream()
                .filter(a -> "db-pool-saturated".equals(a.getJsonObject("labels").getString("alertname"))
                        && status.equals(a.getString("status")))
                .toList();
    }
}

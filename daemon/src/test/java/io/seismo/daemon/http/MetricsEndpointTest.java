package io.seismo.daemon.http;

import io.seismo.daemon.metrics.DaemonMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsEndpointTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldServeTheRegistryInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> scrape = get(serve(sampleMetrics()), "/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body())
                .contains("seismo_service_errors_total{service=\"checkout\"} 1.0")
                .contains("seismo_ingest_agent_bytes_total{agent=\"web-1\"} 120.0")
                .contains("# TYPE seismo_service_error_ratio gauge");
    }

    @Test
    void shouldAnswerOnlyTheMetricsNamedInTheQuery() throws Exception {
        int port = serve(sampleMetrics());

        String body = get(port, "/metrics?name[]=seismo_service_errors_total&name[]=seismo_service_error_ratio").body();

        assertThat(body).contains("seismo_service_errors_total{service=\"checkout\"} 1.0")
                .contains("# TYPE seismo_service_error_ratio gauge")
                .doesNotContain("seismo_ingest_agent_bytes_total");
        assertThat(get(port, "/metrics?name[]=no_such_metric").body()).isEmpty();
    }

    private static DaemonMetrics sampleMetrics() {
        DaemonMetrics metrics = new DaemonMetrics();
        metrics.serviceHealth.record("checkout", true);
        metrics.agentIngest.accepted("web-1", 3, 120);
        return metrics;
    }

    private int serve(DaemonMetrics metrics) throws Exception {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(new MetricsEndpoint(metrics.registry()));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        String query = path.replace("[", "%5B").replace("]", "%5D");
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query)).timeout(Duration.ofSeconds(10)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.seismo.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.seismo.agent.AgentStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The agent's own {@code GET /metrics}, in the Prometheus text format (0.0.4): its counters (see
 * {@link AgentStatsCollector}) and the JVM's. Served by the JDK's HTTP server on one thread of its own, so a
 * slow scraper never touches the agent's loop beyond one stats snapshot.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService thread;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private MetricsServer(HttpServer server, ExecutorService thread, Supplier<AgentStats> stats) {
        this.server = server;
        this.thread = thread;
        registry.register(new AgentStatsCollector(stats));
        JvmMetrics.builder().register(registry);
        server.createContext("/metrics", this::serve);
        server.setExecutor(thread);
        server.start();
    }

    /** Listens on {@code address} (port 0: any free port). */
    public static MetricsServer start(InetSocketAddress address, Supplier<AgentStats> stats) throws IOException {
        InetSocketAddress bind = address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort())
                : address;
        HttpServer server = HttpServer.create(bind, 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "seismo-agent-metrics");
            t.setDaemon(true);
            return t;
        });
        return new MetricsServer(server, thread, stats);
    }

    /** Where it listens, with the port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
            try {
                writer.write(body, registry.scrape());
            } catch (RuntimeException e) {
                LOG.warn("serving /metrics failed: {}", e.toString());
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : body.size());
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    body.writeTo(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}

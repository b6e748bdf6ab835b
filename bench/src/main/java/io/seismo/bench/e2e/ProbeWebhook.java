package io.seismo.bench.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The daemon's webhook sink points here. Each firing alert of the probe rule is timed from the moment its probe
 * line was written to its arrival, into an HdrHistogram (microseconds, 3 significant digits) while recording, and
 * kept with its arrival time, so that a run's slow alerts can be placed in the daemon's life (a start-up
 * transient, a checkpoint).
 */
final class ProbeWebhook implements AutoCloseable {
    static final String PROBE_RULE = "latency-probe";

    private final HttpServer server;
    private final Function<String, Long> writtenAt;
    private final Histogram latencyMicros = new Histogram(60_000_000L, 3);
    private final List<Timed> timed = new ArrayList<>();
    private volatile boolean recording;

    ProbeWebhook(Function<String, Long> writtenAt) throws IOException {
        this.writtenAt = writtenAt;
        this.server = LoopbackHttpServer.start(this::receive);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void record(boolean on) {
        recording = on;
    }

    synchronized Histogram latencies() {
        return latencyMicros.copy();
    }

    /** The {@code count} slowest alerts timed, slowest first. */
    synchronized List<Timed> slowest(int count) {
        return timed.stream().sorted(Comparator.comparingLong(Timed::latencyMicros).reversed()).limit(count).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (InputStream body = exchange.getRequestBody()) {
            JsonArray alerts = new JsonObject(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                    .getJsonArray("alerts", new JsonArray());
            for (int i = 0; i < alerts.size(); i++) {
                time(alerts.getJsonObject(i), arrived);
            }
        } catch (RuntimeException e) {
            // Not an alert we can time; the daemon still gets its 200.
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void time(JsonObject alert, long arrived) {
        JsonObject labels = alert.getJsonObject("labels", new JsonObject());
        if (!recording || !"firing".equals(alert.getString("status")) || !PROBE_RULE.equals(labels.getString("alertname"))) {
            return;
        }
        Long written = writtenAt.apply(labels.getString("key", ""));
        if (written != null) {
            long micros = Math.max(0, Math.min((arrived - written) / 1_000, 60_000_000L));
            synchronized (this) {
                latencyMicros.recordValue(micros);
                timed.add(new Timed(arrived, micros));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One probe alert: when it arrived ({@link System#nanoTime()}) and how long after its line was written. */
    record Timed(long arrivedNanos, long latencyMicros) {
    }
}

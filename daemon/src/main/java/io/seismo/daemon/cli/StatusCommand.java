package io.seismo.daemon.cli;

import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DaemonConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code seismo status}: a one-screen summary of a running daemon, read from its {@code /v1/status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Summarise a running daemon: version, uptime, rates, active alerts, agents.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--url", description = "The daemon's base URL (default: from --config, else http://127.0.0.1:7070).")
    String url;

    @Option(names = {"-c", "--config"}, description = "Read the daemon's address from this seismo.yaml.")
    Path config;

    @Option(names = "--json", description = "Print the raw JSON.")
    boolean json;

    @Override
    public Integer call() {
        String base = baseUrl();
        JsonObject status;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(base + "/v1/status")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("seismo: " + base + "/v1/status answered " + response.statusCode());
                return 1;
            }
            status = new JsonObject(response.body());
        } catch (IOException e) {
            System.err.println("seismo: no daemon answers at " + base + " (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (json) {
            System.out.println(status.encodePrettily());
        } else {
            print(status, System.out);
        }
        return 0;
    }

    static void print(JsonObject s, PrintStream out) {
        long up = s.getLong("uptimeSeconds", 0L);
        out.printf("seismo %s — %s, up %dh %02dm (since %s)%n", s.getString("version"),
                s.getBoolean("ready", false) ? "ready" : "NOT READY", up / 3600, up / 60 % 60, s.getString("startedAt"));
        out.printf("rules: %d   events: %d ingested, %.1f/s   parse failures: %d   ring: %d/%d free%n",
                s.getLong("rules", 0L), s.getLong("eventsIngested", 0L), s.getDouble("eventsPerSecond", 0.0),
                s.getLong("parseFailures", 0L), s.getLong("ringRemaining", 0L), s.getLong("ringSize", 0L));
        JsonArray alerts = s.getJsonArray("activeAlerts", new JsonArray());
        out.printf("active alerts (%d):%n", alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            JsonObject a = alerts.getJsonObject(i);
            out.printf("  %-8s %s  %s (since %s)%n", a.getString("severity"), a.getString("alertname"),
                    a.getString("summary"), a.getString("startsAt"));
        }
        JsonArray agents = s.getJsonArray("agents", new JsonArray());
        out.printf("agents (%d):%n", agents.size());
        for (int i = 0; i < agents.size(); i++) {
            JsonObject a = agents.getJsonObject(i);
            out.printf("  %s on %s   last batch %.1f s ago   %d batches, %d lines%n", a.getString("agent"),
                    a.getString("host"), a.getDouble("secondsSinceLastBatch", 0.0), a.getLong("batches", 0L),
                    a.getLong("lines", 0L));
        }
    }

    private String baseUrl() {
        if (url != null) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        if (config != null) {
            DaemonConfig loaded = new DaemonConfigLoader(System.getenv()).load(config);
            String host = loaded.listenHost().equals("0.0.0.0") ? "127.0.0.1" : loaded.listenHost();
            return "http://" + host + ":" + loaded.listenPort();
        }
        return "http://127.0.0.1:7070";
    }
}

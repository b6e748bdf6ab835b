package io.seismo.daemon.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;

/** {@code seismo status}: a one-screen summary of a running daemon, read from its {@code /v1/status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Summarise a running daemon: version, uptime, rates, active alerts, agents.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    DaemonAddress daemon = new DaemonAddress();

    @Option(names = "--json", description = "Print the raw JSON.")
    boolean json;

    @Override
    public Integer call() {
        String base = daemon.baseUrl();
        JsonObject status;
        try {
            HttpResponse<String> response = daemon.send(daemon.request("/v1/status").GET().build());
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
}

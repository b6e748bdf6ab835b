package io.seismo.daemon.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @Test
    void shouldSummariseUptimeRatesAlertsAndAgentsOnOneScreen() {
        JsonObject status = new JsonObject()
                .put("version", "0.1.0").put("ready", true).put("startedAt", "2026-11-23T10:00:00Z")
                .put("uptimeSeconds", 3725).put("rules", 2).put("eventsIngested", 120_000)
                .put("eventsPerSecond", 410.5).put("parseFailures", 3).put("ringSize", 1024).put("ringRemaining", 1000)
                .put("activeAlerts", new JsonArray().add(new JsonObject().put("alertname", "service-cascade")
                        .put("severity", "CRITICAL").put("summary", "Cascade: payments-db is failing")
                        .put("startsAt", "2026-11-23T11:00:00Z")))
                .put("agents", new JsonArray().add(new JsonObject().put("agent", "web-1").put("host", "web-1.local")
                        .put("secondsSinceLastBatch", 0.4).put("batches", 12).put("lines", 5000)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StatusCommand.print(status, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("seismo 0.1.0 — ready, up 1h 02m")
                .contains("events: 120000 ingested, 410.5/s")
                .contains("parse failures: 3")
                .contains("CRITICAL service-cascade  Cascade: payments-db is failing")
                .contains("web-1 on web-1.local   last batch 0.4 s ago   12 batches, 5000 lines");
    }
}

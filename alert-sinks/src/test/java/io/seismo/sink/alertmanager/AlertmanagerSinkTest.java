package io.seismo.sink.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.DeliveryFailures.failureOf;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Against a real Alertmanager (Debian package {@code prometheus-alertmanager}), started for this class. */
class AlertmanagerSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static RealAlertmanager alertmanager;
    private static AlertSink sink;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        assumeTrue(Files.isExecutable(RealAlertmanager.BINARY), RealAlertmanager.BINARY
                + " is absent: install the Debian package prometheus-alertmanager to run the Alertmanager sink tests");
        alertmanager = new RealAlertmanager(dir);
        vertx = Vertx.vertx();
        sink = AlertSinks.create(new SinkSpec("am", "alertmanager", Map.of("url", alertmanager.base().toString())),
                new SinkContext(vertx));
    }

    @AfterAll
    static void stopAlertmanager() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void shouldShowAPostedAlertActiveWithItsLabelsThenResolveIt() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        JsonNode active = await("the firing alert in Alertmanager").atMost(VISIBLE_WITHIN)
                .until(() -> alerts("service-cascade"), list -> list.size() == 1).get(0);
        assertThat(active.get("status").get("state").asText()).isEqualTo("active");
        JsonNode labels = active.get("labels");
        assertThat(labels.get("alertname").asText()).isEqualTo("service-cascade");
        assertThat(labels.get("severity").asText()).isEqualTo("critical");
        assertThat(labels.get("team").asText()).isEqualTo("payments");
        assertThat(active.get("annotations").get("root_cause").asText()).isEqualTo("payments-db");
        assertThat(active.get("generatorURL").asText()).isEqualTo("http://seismo.example:9090");

        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));

        await("the resolve to take the alert out of Alertmanager's active alerts").atMost(VISIBLE_WITHIN)
                .until(() -> alerts("service-cascade"), List::isEmpty);
    }

    @Test
    void shouldMakeLabelNamesValidForAlertmanager() throws Exception {
        Alert alert = withLabels(Map.of("http.route", "/pay", "9zone", "eu", "service", "payments"));

        awaitDelivered(sink.send(notificationOf(alert)));

        JsonNode labels = await("the alert with odd label names").atMost(VISIBLE_WITHIN)
                .until(() -> alerts("odd-labels"), list -> list.size() == 1).get(0).get("labels");
        assertThat(labels.get("http_route").asText()).isEqualTo("/pay");
        assertThat(labels.get("_9zone").asText()).isEqualTo("eu");
    }

    @Test
    void shouldGiveUpOnAnAlertAlertmanagerRefuses() {
        Alert backwards = cascade(AlertStatus.RESOLVED);
        Alert endsBeforeItStarts = new Alert(backwards.id(), backwards.fingerprint(), AlertStatus.RESOLVED,
                backwards.ruleName(), backwards.severity(), backwards.endsAt(), backwards.startsAt(), "s", "d",
                backwards.labels(), Map.of(), List.of(), List.of(), null, List.of());

        DeliveryException failure = failureOf(sink.send(notificationOf(endsBeforeItStarts)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("'am'", "400");
    }

    private static Alert withLabels(Map<String, String> labels) {
        Instant startsAt = Instant.now().minusSeconds(60);
        return new Alert("o-1", "0dd1abe1", AlertStatus.FIRING, "odd-labels", "warning", startsAt, null,
                "odd labels", "", labels, Map.of(), List.of(), List.of(), null, List.of());
    }

    private static List<JsonNode> alerts(String alertname) throws Exception {
        String filter = URLEncoder.encode("alertname=\"" + alertname + "\"", StandardCharsets.UTF_8);
        String body = alertmanager.get("/api/v2/alerts?filter=" + filter).body();
        List<JsonNode> found = new ArrayList<>();
        JSON.readTree(body).forEach(found::add);
        return found;
    }
}

package io.seismo.sink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.LocalHttpReceiver;
import io.seismo.sink.LocalHttpReceiver.Received;
import io.seismo.sink.LocalHttpReceiver.Reply;
import io.seismo.sink.Notification;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.DeliveryFailures.failureOf;
import static io.seismo.sink.SampleAlerts.STARTS_AT;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Notification FIRING = notificationOf(cascade(AlertStatus.FIRING));

    private static Vertx vertx;
    private LocalHttpReceiver receiver;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new LocalHttpReceiver(vertx);
    }

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void shouldPostAlertmanagerWebhookBodyWithCustomHeaders() throws Exception {
        try (AlertSink sink = webhook(receiver.url("/alerts"), Map.of("headers", Map.of("X-Scope-OrgID", "payments")))) {
            awaitDelivered(sink.send(FIRING));
        }

        Received request = receiver.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/alerts");
        assertThat(request.headers().get("X-Scope-OrgID")).isEqualTo("payments");
        assertThat(request.headers().get("Content-Type")).startsWith("application/json");
        assertThat(request.headers().get(WebhookSink.IDEMPOTENCY_KEY_HEADER)).isEqualTo('"' + FIRING.id() + '"');

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("version").asText()).isEqualTo("4");
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("receiver").asText()).isEqualTo("on-call");
        assertThat(body.get("groupKey").asText()).isEqualTo(FIRING.groupKey());
        assertThat(body.get("truncatedAlerts").asInt()).isZero();
        assertThat(body.get("externalURL").asText()).isEqualTo("http://seismo.example:9090");
        assertThat(body.get("groupLabels").get("alertname").asText()).isEqualTo("service-cascade");
        assertThat(body.get("commonLabels").get("team").asText()).isEqualTo("payments");
        assertThat(body.get("commonAnnotations").get("root_cause").asText()).isEqualTo("payments-db");

        JsonNode alert = body.get("alerts").get(0);
        assertThat(alert.get("status").asText()).isEqualTo("firing");
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("service-cascade");
        assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
        assertThat(OffsetDateTime.parse(alert.get("startsAt").asText()).toInstant()).isEqualTo(STARTS_AT);
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("fingerprint").asText()).isEqualTo(FIRING.alerts().get(0).fingerprint());
        assertThat(alert.get("generatorURL").isTextual()).isTrue();
        JsonNode annotations = alert.get("annotations");
        assertThat(annotations.get("summary").asText()).contains("payments-db");
        assertThat(annotations.get("affected_services").asText()).isEqualTo("payments,checkout,gateway");
        assertThat(annotations.get("trace_ids").asText()).startsWith("4bf92f3577b34da6,");
        assertThat(annotations.get("runbook").asText()).isEqualTo("https://runbooks.example/payments-db");
        assertThat(alert.get("seismo").get("cascade").get("root").asText()).isEqualTo("payments-db");
    }

    @Test
    void shouldReportServerErrorAsRetryable() throws Exception {
        receiver.answer(Reply.json(500, "{\"error\":\"database is down\"}"));
        try (AlertSink sink = webhook(receiver.url("/alerts"), Map.of())) {
            DeliveryException failure = failureOf(sink.send(FIRING));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.retryAfter()).isNull();
            assertThat(failure.getMessage()).contains("500", "database is down");
        }
    }

    @Test
    void shouldHonourRetryAfterOfTooManyRequests() throws Exception {
        receiver.answer(new Reply(429, Map.of("Retry-After", "3"), "slow down"));
        try (AlertSink sink = webhook(receiver.url("/alerts"), Map.of())) {
            DeliveryException failure = failureOf(sink.send(FIRING));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void shouldNotRetryBadRequest() throws Exception {
        receiver.answer(Reply.json(400, "{\"error\":\"unknown field\"}"));
        try (AlertSink sink = webhook(receiver.url("/alerts"), Map.of())) {
            DeliveryException failure = failureOf(sink.send(FIRING));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("400");
        }
    }

    @Test
    void shouldTimeOutAsRetryableWhenReceiverNeverAnswers() throws Exception {
        receiver.answer(Reply.NEVER);
        try (AlertSink sink = webhook(receiver.url("/alerts"), Map.of("timeout", "300ms"))) {
            DeliveryException failure = failureOf(sink.send(FIRING));

            assertThat(failure.retryable()).isTrue();
            assertThat(receiver.next().path()).isEqualTo("/alerts");
        }
    }

    @Test
    void shouldReportRefusedConnectionAsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AlertSink sink = webhook("http://127.0.0.1:" + closedPort + "/alerts", Map.of())) {
            DeliveryException failure = failureOf(sink.send(FIRING));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).contains("'hook'");
        }
    }

    private static AlertSink webhook(String url, Map<String, Object> extraOptions) {
        Map<String, Object> options = new HashMap<>(extraOptions);
        options.put("url", url);
        return AlertSinks.create(new SinkSpec("hook", "webhook", options), new SinkContext(vertx));
    }
}

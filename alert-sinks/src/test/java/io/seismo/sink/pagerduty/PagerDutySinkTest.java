package io.seismo.sink.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.DeliveryFailures.failureOf;
import static io.seismo.sink.SampleAlerts.CASCADE_FINGERPRINT;
import static io.seismo.sink.SampleAlerts.STARTS_AT;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static io.seismo.sink.SampleAlerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Against a local server speaking the PagerDuty Events API v2. */
class PagerDutySinkTest {
    private static final String ROUTING_KEY = "R0123456789abcdef0123456789abcde";

    private static Vertx vertx;
    private FakePagerDuty pagerDuty;
    private AlertSink sink;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startPagerDuty() throws Exception {
        pagerDuty = new FakePagerDuty(vertx);
        sink = pagerDuty(ROUTING_KEY);
    }

    @AfterEach
    void stopPagerDuty() throws Exception {
        sink.close();
        pagerDuty.close();
    }

    @Test
    void shouldTriggerWithTheFingerprintAsDedupKeyAndAFullPayload() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        JsonNode event = pagerDuty.nextAccepted();
        assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(event.get("event_action").asText()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asText()).isEqualTo(CASCADE_FINGERPRINT);
        JsonNode payload = event.get("payload");
        assertThat(payload.get("summary").asText()).isEqualTo("payments-db is failing and 3 callers failed after it");
        assertThat(payload.get("source").asText()).isEqualTo("payments-db");
        assertThat(payload.get("severity").asText()).isEqualTo("critical");
        assertThat(payload.get("timestamp").asText()).isEqualTo(STARTS_AT.toString());
        assertThat(payload.get("component").asText()).isEqualTo("payments-db");
        assertThat(payload.get("group").asText()).isEqualTo("payments");
        assertThat(payload.get("class").asText()).isEqualTo("service-cascade");
        JsonNode details = payload.get("custom_details");
        assertThat(details.get("root_cause").asText()).isEqualTo("payments-db");
        assertThat(details.get("affected_services").asText()).isEqualTo("payments,checkout,gateway");
        assertThat(details.get("description").asText()).contains("Root cause: payments-db");
        assertThat(details.get("labels").get("team").asText()).isEqualTo("payments");
        assertThat(event.get("links").get(0).get("href").asText()).isEqualTo("https://runbooks.example/payments-db");
    }

    @Test
    void shouldResolveUnderTheSameDedupKey() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));

        assertThat(pagerDuty.nextAccepted().get("event_action").asText()).isEqualTo("trigger");
        JsonNode resolve = pagerDuty.nextAccepted();
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asText()).isEqualTo(CASCADE_FINGERPRINT);
    }

    @Test
    void shouldSendOneEventPerAlertOfAGroup() throws Exception {
        awaitDelivered(sink.send(notificationOf(threshold("checkout", "c0ffee"), threshold("gateway", "9a7e"))));

        JsonNode first = pagerDuty.nextAccepted();
        JsonNode second = pagerDuty.nextAccepted();
        assertThat(first.get("dedup_key").asText()).isEqualTo("c0ffee");
        assertThat(first.get("payload").get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("payload").get("source").asText()).isEqualTo("checkout");
        assertThat(second.get("dedup_key").asText()).isEqualTo("9a7e");
    }

    @Test
    void shouldReportThrottlingAsRetryableAfterPagerDutysDelay() throws Exception {
        pagerDuty.throttle(1);

        DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        assertThat(pagerDuty.nextAccepted().get("dedup_key").asText()).isEqualTo(CASCADE_FINGERPRINT);
    }

    @Test
    void shouldGiveUpOnAnEventPagerDutyCallsInvalid() throws Exception {
        try (AlertSink badKey = pagerDuty("too-short")) {
            DeliveryException failure = failureOf(badKey.send(notificationOf(cascade(AlertStatus.FIRING))));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("'pd'", "400", "Event object is invalid", "routing_key");
        }
    }

    @Test
    void shouldMapSeveritiesOntoPagerDutysFour() {
        assertThat(PagerDutyEvent.severity("FATAL")).isEqualTo("critical");
        assertThat(PagerDutyEvent.severity("error")).isEqualTo("error");
        assertThat(PagerDutyEvent.severity("warn")).isEqualTo("warning");
        assertThat(PagerDutyEvent.severity("notice")).isEqualTo("info");
        assertThat(PagerDutyEvent.severity(null)).isEqualTo("info");
    }

    @Test
    void shouldRequireARoutingKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlertSinks.create(new SinkSpec("pd", "pagerduty", Map.of()), new SinkContext(vertx)))
                .withMessage("sink 'pd' (type pagerduty): option 'routingKey' is required (or give 'routingKeyFile')");
    }

    private AlertSink pagerDuty(String routingKey) {
        return AlertSinks.create(new SinkSpec("pd", "pagerduty", Map.of("routingKey", routingKey,
                "url", pagerDuty.url(), "timeout", "5s")), new SinkContext(vertx));
    }
}

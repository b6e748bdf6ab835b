package io.seismo.sink.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.LocalHttpReceiver;
import io.seismo.sink.LocalHttpReceiver.Received;
import io.seismo.sink.LocalHttpReceiver.Reply;
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
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Against a local server that answers as Slack's incoming webhooks do: {@code ok}, or an error code in plain text. */
class SlackWebhookSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK_PATH = "/services/T000/B000/XXXXXXXX";
    private static final Reply OK = new Reply(200, Map.of("Content-Type", "text/plain"), "ok");

    private static Vertx vertx;
    private LocalHttpReceiver slack;
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
    void startSlack() throws Exception {
        slack = new LocalHttpReceiver(vertx);
        slack.answer(OK);
        sink = AlertSinks.create(new SinkSpec("slack-hook", "slack", Map.of("webhookUrl", slack.url(HOOK_PATH))),
                new SinkContext(vertx));
    }

    @AfterEach
    void stopSlack() throws Exception {
        sink.close();
        slack.close();
    }

    @Test
    void shouldPostTheBlockKitMessageToTheWebhook() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        Received request = slack.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(HOOK_PATH);
        JsonNode message = JSON.readTree(request.body());
        assertThat(message.get("text").asText())
                .startsWith("[FIRING] CRITICAL service-cascade — root cause: payments-db");
        assertThat(message.has("thread_ts")).isFalse();
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(1).get("text").get("text").asText()).contains("*Root cause:* payments-db");
    }

    @Test
    void shouldPostTheResolveAsANewMessageSayingWhatItResolves() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));

        slack.next();
        JsonNode resolve = JSON.readTree(slack.next().body());
        assertThat(resolve.has("thread_ts")).isFalse();
        assertThat(resolve.get("text").asText())
                .startsWith("Resolves service-cascade on payments-db, firing since 12:00:03Z");
        assertThat(resolve.get("blocks").get(0).get("text").get("text").asText()).contains("RESOLVED");
        assertThat(resolve.get("blocks").get(1).toString()).contains("Resolves service-cascade on payments-db");
    }

    @Test
    void shouldReportRateLimitAsRetryableAfterSlacksDelay() {
        slack.answer(new Reply(429, Map.of("Retry-After", "2", "Content-Type", "text/plain"), "rate_limited"));

        DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNotRetryAWebhookThatNoLongerExists() {
        slack.answer(new Reply(404, Map.of("Content-Type", "text/plain"), "no_service"));

        DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("slack-hook", "404", "no_service").doesNotContain(HOOK_PATH);
    }

    @Test
    void shouldRefuseBotOptionsNextToAWebhook() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AlertSinks.create(new SinkSpec("slack-hook", "slack", Map.of(
                        "webhookUrl", slack.url(HOOK_PATH), "channel", "#ops")), new SinkContext(vertx)))
                .withMessageContaining("option 'channel' belongs to the bot-token mode");
    }
}

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
import static io.seismo.sink.SampleAlerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a local server that speaks Slack's Web API the way the SDK expects it. */
class SlackSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "xoxb-1234-5678-seismotest";
    private static final String FIRING_TS = "1700000000.000100";

    private static Vertx vertx;
    private LocalHttpReceiver slackApi;
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
        slackApi = new LocalHttpReceiver(vertx);
        slackApi.answer(posted(FIRING_TS));
        sink = AlertSinks.create(new SinkSpec("slack-oncall", "slack", Map.of(
                "token", TOKEN, "channel", "#payments-alerts", "apiUrl", slackApi.url("/api/"))), new SinkContext(vertx));
    }

    @AfterEach
    void stopSlack() throws Exception {
        sink.close();
        slackApi.close();
    }

    @Test
    void shouldPostBlocksNamingTheRootCause() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        Received request = slackApi.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.headers().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        // The SDK sends chat.postMessage form-encoded, with the blocks as a JSON string.
        assertThat(request.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form().get("channel")).isEqualTo("#payments-alerts");
        assertThat(request.form().get("thread_ts")).isNull();
        assertThat(request.form().get("text"))
                .contains("[FIRING] CRITICAL service-cascade — root cause: payments-db; affected: payments, checkout, gateway");

        JsonNode blocks = JSON.readTree(request.form().get("blocks"));
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asText()).contains("FIRING", "service-cascade");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(1).get("text").get("text").asText())
                .contains("*Root cause:* payments-db", "*Affected:* payments, checkout, gateway");
        assertThat(blocks.get(2).get("type").asText()).isEqualTo("context");
        assertThat(blocks.get(2).toString()).contains("4bf92f3577b34da6");
    }

    @Test
    void shouldPostResolveAsReplyInTheFiringMessagesThread() throws Exception {
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        slackApi.answer(posted("1700000300.000200"));
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));

        assertThat(slackApi.next().form().get("thread_ts")).isNull();
        Received resolve = slackApi.next();
        assertThat(resolve.form().get("thread_ts")).isEqualTo(FIRING_TS);
        assertThat(resolve.form().get("text")).startsWith("[RESOLVED]");
    }

    @Test
    void shouldPostResolveOfAnUnannouncedAlertToTheChannel() throws Exception {
        awaitDelivered(sink.send(notificationOf(threshold("checkout", "c0ffee"))));
        awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));

        slackApi.next();
        assertThat(slackApi.next().form().get("thread_ts")).isNull();
    }

    @Test
    void shouldReportRateLimitAsRetryableAfterSlacksDelay() throws Exception {
        slackApi.answer(new Reply(429, Map.of("Retry-After", "2", "Content-Type", "application/json"),
                "{\"ok\":false,\"error\":\"ratelimited\"}"));

        DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNotRetryInvalidAuth() throws Exception {
        slackApi.answer(Reply.json(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"));

        DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("slack-oncall", "invalid_auth");
    }

    @Test
    void shouldRetryWhenSlackIsUnavailable() throws Exception {
        slackApi.answer(Reply.json(503, "{\"ok\":false,\"error\":\"service_unavailable\"}"));

        DeliveryException failure = failureOf(sink.send(notificationOf(cascade(AlertStatus.FIRING))));

        assertThat(failure.retryable()).isTrue();
    }

    private static Reply posted(String ts) {
        return Reply.json(200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"" + ts + "\"}");
    }
}

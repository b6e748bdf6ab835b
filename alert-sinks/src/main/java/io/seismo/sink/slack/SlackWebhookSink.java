package io.seismo.sink.slack;

import com.slack.api.Slack;
import com.slack.api.webhook.WebhookResponse;
import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.HttpFailure;
import io.seismo.sink.delivery.SinkThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Posts notifications to a Slack incoming webhook with the SDK's {@code Slack.send}, on the sink's own thread.
 * Slack answers 200 {@code ok}; 429 (with Retry-After) and 5xx are retryable; 400 {@code invalid_payload}, 403,
 * 404 {@code no_service} and 410 {@code channel_is_archived} will not change on retry. The webhook URL is a
 * secret, so it never appears in errors.
 */
public final class SlackWebhookSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebhookSink.class);

    private final String name;
    private final String webhookUrl;
    private final Slack slack;
    private final SinkThread thread;

    /** Takes ownership of {@code slack} and closes it with the sink. */
    public SlackWebhookSink(String name, String webhookUrl, Slack slack) {
        this.name = name;
        this.webhookUrl = webhookUrl;
        this.slack = slack;
        this.thread = new SinkThread(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Void> send(Notification notification) {
        return thread.submit(() -> post(notification));
    }

    private void post(Notification notification) {
        WebhookResponse answer;
        try {
            answer = slack.send(webhookUrl, SlackMessage.webhookPayload(notification));
        } catch (IOException e) {
            throw HttpFailure.transport(name, e);
        }
        int code = answer.getCode() == null ? 0 : answer.getCode();
        if (code != 200) {
            throw HttpFailure.of(name, code, SlackErrors.header(answer.getHeaders(), "Retry-After"), answer.getBody());
        }
    }

    @Override
    public void close() {
        thread.close();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("sink '{}': closing the Slack client failed", name, e);
        }
    }
}

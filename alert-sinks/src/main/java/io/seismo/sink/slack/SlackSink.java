package io.seismo.sink.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.HttpFailure;
import io.seismo.sink.delivery.SinkThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Posts notifications with {@code chat.postMessage}. The SDK's synchronous client runs on the sink's own thread:
 * that keeps the caller free and keeps a resolve behind the firing message whose thread it replies to.
 */
public final class SlackSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSink.class);
    private static final int MAX_THREAD_ANCHORS = 10_000;

    private final String name;
    private final String channel;
    private final Slack slack;
    private final MethodsClient methods;
    private final SinkThread thread;
    private final ThreadAnchors anchors = new ThreadAnchors(MAX_THREAD_ANCHORS); // used on the sink thread only

    /** Takes ownership of {@code slack} and closes it with the sink. */
    public SlackSink(String name, String channel, String token, Slack slack) {
        this.name = name;
        this.channel = channel;
        this.slack = slack;
        this.methods = slack.methods(token);
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
        List<String> firing = fingerprints(notification, AlertStatus.FIRING);
        List<String> resolved = fingerprints(notification, AlertStatus.RESOLVED);
        String threadTs = notification.status() == AlertStatus.RESOLVED ? anchors.threadOf(resolved).orElse(null) : null;
        ChatPostMessageResponse answer = call(notification, threadTs);
        if (!answer.isOk()) {
            throw SlackErrors.of(name, answer.getError(), answer.getHttpResponseHeaders());
        }
        anchors.forget(resolved);
        if (threadTs == null) {
            anchors.remember(firing, answer.getTs());
        }
    }

    private ChatPostMessageResponse call(Notification notification, String threadTs) {
        try {
            return methods.chatPostMessage(SlackMessage.request(channel, notification, threadTs));
        } catch (SlackApiException e) {
            // A non-200 answer: 429 with Retry-After when rate limited, 5xx when Slack is unwell.
            throw HttpFailure.of(name, e.getResponse().code(), e.getResponse().header("Retry-After"),
                    e.getResponseBody());
        } catch (IOException e) {
            throw HttpFailure.transport(name, e);
        } catch (RuntimeException e) {
            throw new DeliveryException("sink '" + name + "': Slack call failed: " + e, true, null, e);
        }
    }

    private static List<String> fingerprints(Notification notification, AlertStatus status) {
        return notification.alerts().stream().filter(a -> a.status() == status).map(Alert::fingerprint).toList();
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

package io.seismo.sink.pagerduty;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.HttpFailure;
import io.seismo.sink.delivery.JsonPoster;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends each alert of a notification to PagerDuty's Events API v2 as its own event (the API takes one event per
 * request), one after the other, stopping at the first failure. 202 is accepted; 429 and 5xx are retryable (after
 * Retry-After when given); 400, an event PagerDuty calls invalid, is not. Retrying a whole notification is safe:
 * events that already went through repeat with the same dedup key, which PagerDuty folds into the same incident.
 */
public final class PagerDutySink implements AlertSink {
    private final String name;
    private final URI url;
    private final String routingKey;
    private final JsonPoster poster;

    public PagerDutySink(String name, URI url, String routingKey, JsonPoster poster) {
        this.name = name;
        this.url = url;
        this.routingKey = routingKey;
        this.poster = poster;
    }

    @Override
    public String name() {
        return name;
    }

    /** Completes on a Vert.x event loop: callers must not block in what they chain on it. */
    @Override
    public CompletableFuture<Void> send(Notification notification) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Alert alert : notification.alerts()) {
            chain = chain.thenCompose(previous -> post(alert, notification));
        }
        return chain;
    }

    private CompletableFuture<Void> post(Alert alert, Notification notification) {
        byte[] event;
        try {
            event = PagerDutyEvent.toBytes(routingKey, alert, notification);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HttpFailure.transport(name, e));
        }
        return poster.post(url, event, Map.of());
    }

    @Override
    public void close() {
        poster.close();
    }
}

package io.seismo.sink.alertmanager;

import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.HttpFailure;
import io.seismo.sink.delivery.JsonPoster;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hands alerts to an Alertmanager ({@code POST /api/v2/alerts}), so that teams who route, silence and inhibit
 * there keep doing so. Alertmanager dedupes by labels, so a retried or repeated post changes nothing but the
 * alert's expiry.
 */
public final class AlertmanagerSink implements AlertSink {
    private final String name;
    private final URI alertsEndpoint;
    private final JsonPoster poster;

    public AlertmanagerSink(String name, URI alertsEndpoint, JsonPoster poster) {
        this.name = name;
        this.alertsEndpoint = alertsEndpoint;
        this.poster = poster;
    }

    @Override
    public String name() {
        return name;
    }

    /** Completes on a Vert.x event loop: callers must not block in what they chain on it. */
    @Override
    public CompletableFuture<Void> send(Notification notification) {
        byte[] body;
        try {
            body = PostableAlerts.toBytes(notification);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HttpFailure.transport(name, e));
        }
        return poster.post(alertsEndpoint, body, Map.of());
    }

    @Override
    public void close() {
        poster.close();
    }
}

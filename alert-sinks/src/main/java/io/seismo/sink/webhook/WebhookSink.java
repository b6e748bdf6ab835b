package io.seismo.sink.webhook;

import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.HttpFailure;
import io.seismo.sink.delivery.JsonPoster;
import io.seismo.sink.format.WebhookBody;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs Alertmanager-compatible webhook bodies, signed when a secret is configured (see {@link WebhookSignature}).
 * 2xx is delivered; 429, 5xx and any failure before an answer (refused, reset, timeout) are retryable; every other
 * status is not. Each request carries the notification's id in {@value #IDEMPOTENCY_KEY_HEADER}, the same on every
 * resend of it, so a receiver can drop what it already took (the IETF Idempotency-Key draft: the value is a
 * structured-field string, quoted).
 */
public final class WebhookSink implements AlertSink {
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final String name;
    private final URI url;
    private final JsonPoster poster;
    private final Optional<WebhookSignature> signature;
    private final Clock clock;

    public WebhookSink(String name, URI url, JsonPoster poster, Optional<WebhookSignature> signature, Clock clock) {
        this.name = name;
        this.url = url;
        this.poster = poster;
        this.signature = signature;
        this.clock = clock;
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
            body = WebhookBody.toBytes(notification);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HttpFailure.transport(name, e));
        }
        Map<String, String> headers = new HashMap<>(signature.map(s -> s.headers(clock.instant(), body)).orElse(Map.of()));
        headers.put(IDEMPOTENCY_KEY_HEADER, '"' + notification.id() + '"');
        return poster.post(url, body, headers);
    }

    @Override
    public void close() {
        poster.close();
    }
}

package io.seismo.sink.webhook;

import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.HttpFailure;
import io.seismo.sink.format.WebhookBody;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs Alertmanager-compatible webhook bodies with the Vert.x web client. 2xx is delivered; 429, 5xx and any
 * failure before an answer (refused, reset, timeout) are retryable; every other status is not.
 */
public final class WebhookSink implements AlertSink {
    private final String name;
    private final URI url;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final WebClient client;

    public WebhookSink(String name, URI url, Duration timeout, Map<String, String> headers, Vertx vertx) {
        this.name = name;
        this.url = url;
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("seismo"));
    }

    @Override
    public String name() {
        return name;
    }

    /** Completes on a Vert.x event loop: callers must not block in what they chain on it. */
    @Override
    public CompletableFuture<Void> send(Notification notification) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            HttpRequest<Buffer> request = client.postAbs(url.toString())
                    .timeout(timeout.toMillis())
                    .putHeader("Content-Type", "application/json");
            headers.forEach(request::putHeader);
            request.sendBuffer(Buffer.buffer(WebhookBody.toBytes(notification))).onComplete(
                    response -> answer(response, done),
                    failure -> done.completeExceptionally(HttpFailure.transport(name, failure)));
        } catch (RuntimeException e) {
            // A closed client or an unexpected rendering failure: report it through the future, never to the caller.
            done.completeExceptionally(HttpFailure.transport(name, e));
        }
        return done;
    }

    private void answer(HttpResponse<Buffer> response, CompletableFuture<Void> done) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            done.complete(null);
            return;
        }
        done.completeExceptionally(HttpFailure.of(name, status, response.getHeader("Retry-After"),
                response.bodyAsString()));
    }

    @Override
    public void close() {
        client.close();
    }
}

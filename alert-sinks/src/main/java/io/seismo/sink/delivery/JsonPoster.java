package io.seismo.sink.delivery;

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
 * POSTs JSON bodies for the HTTP sinks (webhook, Alertmanager, PagerDuty) with the Vert.x web client, so that none
 * of them blocks a thread while a receiver thinks. 2xx is delivered; every other answer and every failure before an
 * answer becomes a {@link io.seismo.sink.DeliveryException} through {@link HttpFailure}.
 */
public final class JsonPoster implements AutoCloseable {
    private final String sinkName;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final WebClient client;

    /** {@code headers} go on every request (the configured custom headers). */
    public JsonPoster(String sinkName, Vertx vertx, Duration timeout, Map<String, String> headers) {
        this.sinkName = sinkName;
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("seismo"));
    }

    /**
     * Completes on a Vert.x event loop, so callers must not block in what they chain on it. {@code extraHeaders}
     * are this request's own (a signature, say) and win over the configured ones.
     */
    public CompletableFuture<Void> post(URI url, byte[] body, Map<String, String> extraHeaders) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            HttpRequest<Buffer> request = client.postAbs(url.toString())
                    .timeout(timeout.toMillis())
                    .putHeader("Content-Type", "application/json");
            headers.forEach(request::putHeader);
            extraHeaders.forEach(request::putHeader);
            request.sendBuffer(Buffer.buffer(body)).onComplete(
                    response -> answer(response, done),
                    failure -> done.completeExceptionally(HttpFailure.transport(sinkName, failure)));
        } catch (RuntimeException e) {
            // A closed client or a bad header: report it through the future, never to the caller.
            done.completeExceptionally(HttpFailure.transport(sinkName, e));
        }
        return done;
    }

    private void answer(HttpResponse<Buffer> response, CompletableFuture<Void> done) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            done.complete(null);
            return;
        }
        done.completeExceptionally(HttpFailure.of(sinkName, status, response.getHeader("Retry-After"),
                response.bodyAsString()));
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.seismo.sink;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP server on 127.0.0.1 and a free port that records every request and answers with whatever reply the
 * test set last, or never answers at all.
 */
public final class LocalHttpReceiver implements AutoCloseable {
    private static final long WAIT_SECONDS = 15;

    /** A request as it arrived; {@code form} holds decoded attributes of a form-encoded body. */
    public record Received(String method, String path, MultiMap headers, String body, MultiMap form) {
    }

    /** What to answer; {@link #NEVER} keeps the connection open without a response. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static final Reply NEVER = new Reply(0, Map.of(), "");

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicReference<Reply> reply = new AtomicReference<>(Reply.json(200, "{}"));
    private final HttpServer server;

    public LocalHttpReceiver(Vertx vertx) throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.route().handler(this::record);
        this.server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    public void answer(Reply next) {
        reply.set(next);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** The next request, waiting a bounded time for it. */
    public Received next() throws InterruptedException {
        Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("a request should reach the receiver").isNotNull();
        return next;
    }

    private void record(RoutingContext ctx) {
        received.add(new Received(ctx.request().method().name(), ctx.request().path(),
                MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()),
                ctx.body().asString() == null ? "" : ctx.body().asString(),
                MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().formAttributes())));
        Reply current = reply.get();
        if (current == Reply.NEVER) {
            return;
        }
        current.headers().forEach(ctx.response()::putHeader);
        ctx.response().setStatusCode(current.status()).end(current.body());
    }

    @Override
    public void close() throws TimeoutException {
        server.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}

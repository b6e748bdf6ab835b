package io.seismo.tests.harness;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver like the ones teams write for Alertmanager: it accepts the webhook JSON on loopback and keeps
 * every notification for the test to inspect.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    public WebhookReceiver() throws Exception {
        this(OutageScript.none());
    }

    /** A receiver that fails as the script says before it answers 200; only what it answered 200 to is kept. */
    public WebhookReceiver(OutageScript script) throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(body -> {
                    requests.incrementAndGet();
                    switch (script.answerNow()) {
                        case OK -> {
                            notifications.add(body.toJsonObject());
                            req.response().setStatusCode(200).end();
                        }
                        case SERVER_ERROR -> req.response().setStatusCode(500).end();
                        case TOO_MANY_REQUESTS -> req.response().setStatusCode(429).putHeader("Retry-After", "1").end();
                        case HANG -> {
                            // No answer: the sender's timeout has to give up on this request.
                        }
                    }
                }))
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    /** Every request that reached it, answered 200 or not. */
    public int requests() {
        return requests.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hook";
    }

    public List<JsonObject> notifications() {
        return List.copyOf(notifications);
    }

    /** Every alert of every notification, flattened, in arrival order. */
    public List<JsonObject> alerts() {
        List<JsonObject> alerts = new ArrayList<>();
        for (JsonObject n : notifications) {
            JsonArray items = n.getJsonArray("alerts", new JsonArray());
            for (int i = 0; i < items.size(); i++) {
                alerts.add(items.getJsonObject(i));
            }
        }
        return alerts;
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}

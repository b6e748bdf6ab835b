package io.seismo.tests.harness;

import io.seismo.tests.harness.OutageScript.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A receiver like the ones teams write for Alertmanager: it accepts the webhook JSON on loopback and keeps
 * every notification for the test to inspect, with the {@code Idempotency-Key} it came with, so a test can see
 * both what arrived and what a receiver that drops keys it already took would have kept.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** One notification it answered 200 to; {@code idempotencyKey} is null when the request carried none. */
    public record Taken(String idempotencyKey, JsonObject body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    public WebhookReceiver() throws Exception {
        this(OutageScript.none());
    }

    /** A receiver that fails as the script says before it answers 200; see {@link Answer} for what it keeps. */
    public WebhookReceiver(OutageScript script) throws Exception {
        this(notification -> script.answerNow());
    }

    /** A receiver that answers each notification as {@code answers} says; see {@link Answer} for what it keeps. */
    public WebhookReceiver(Function<JsonObject, Answer> answers) throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(body -> {
                    requests.incrementAndGet();
                    Taken notification = new Taken(req.getHeader(IDEMPOTENCY_KEY), body.toJsonObject());
                    switch (answers.apply(notification.body())) {
                        case OK -> {
                            taken.add(notification);
                            req.response().setStatusCode(200).end();
                        }
                        case SERVER_ERROR -> req.response().setStatusCode(500).end();
                        case TOO_MANY_REQUESTS -> req.response().setStatusCode(429).putHeader("Retry-After", "1").end();
                        case HANG -> {
                            // No answer: the sender's timeout has to give up on this request.
                        }
                        case KEEP_AND_HANG -> taken.add(notification);
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

    /** Every notification it took, resends included, in arrival order. */
    public List<JsonObject> notifications() {
        return taken.stream().map(Taken::body).toList();
    }

    /** Every notification it took with its key, resends included, in arrival order. */
    public List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** Every alert of every notification, flattened, in arrival order. */
    public List<JsonObject> alerts() {
        return alertsOf(notifications());
    }

    /**
     * What a receiver that drops an {@code Idempotency-Key} it already took would have kept: the alerts of the
     * first notification under each key (and of every notification without one), in arrival order.
     */
    public List<JsonObject> alertsOncePerKey() {
        Set<String> seen = new HashSet<>();
        return alertsOf(taken.stream().filter(t -> t.idempotencyKey() == null || seen.add(t.idempotencyKey()))
                .map(Taken::body).toList());
    }

    private static List<JsonObject> alertsOf(List<JsonObject> notifications) {
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

package io.seismo.sink.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local server that speaks the Events API v2 enqueue endpoint as PagerDuty documents it: 202 with the dedup key
 * for a valid event, 400 "Event object is invalid" with the reasons for a bad one, and 429 with Retry-After while
 * the test makes it throttle.
 */
final class FakePagerDuty implements AutoCloseable {
    static final String PATH = "/v2/enqueue";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 15;
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private final BlockingQueue<JsonNode> accepted = new LinkedBlockingQueue<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final HttpServer server;

    FakePagerDuty(Vertx vertx) throws Exception {
        this.server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> answer(request, body.toString())))
                .listen(0, "127.0.0.1").await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + PATH;
    }

    /** Answers the next {@code requests} requests with 429 and Retry-After. */
    void throttle(int requests) {
        throttled.set(requests);
    }

    /** The next event PagerDuty accepted, waiting a bounded time for it. */
    JsonNode nextAccepted() throws InterruptedException {
        JsonNode next = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("PagerDuty should have accepted an event").isNotNull();
        return next;
    }

    private void answer(HttpServerRequest request, String body) {
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            request.response().setStatusCode(429).putHeader("Retry-After", "2").end();
            return;
        }
        List<String> errors = new ArrayList<>();
        JsonNode event = null;
        try {
            event = JSON.readTree(body);
        } catch (Exception e) {
            errors.add("Request body is not valid JSON");
        }
        if (event != null) {
            errors.addAll(problems(event, request));
        }
        if (!errors.isEmpty()) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(JSON.createObjectNode().put("status", "invalid event")
                            .put("message", "Event object is invalid")
                            .set("errors", JSON.valueToTree(errors)).toString());
            return;
        }
        accepted.add(event);
        request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end(JSON.createObjectNode().put("status", "success").put("message", "Event processed")
                        .put("dedup_key", event.path("dedup_key").asText()).toString());
    }

    private static List<String> problems(JsonNode event, HttpServerRequest request) {
        List<String> errors = new ArrayList<>();
        if (!request.path().equals(PATH) || !request.method().name().equals("POST")) {
            errors.add("Unknown endpoint " + request.method() + " " + request.path());
        }
        if (event.path("routing_key").asText().length() != 32) {
            errors.add("'routing_key' must be 32 characters");
        }
        if (!ACTIONS.contains(event.path("event_action").asText())) {
            errors.add("'event_action' is invalid");
        }
        if (!event.path("event_action").asText().equals("trigger")) {
            if (event.path("dedup_key").asText().isEmpty()) {
                errors.add("'dedup_key' is required for " + event.path("event_action").asText());
            }
            return errors;
        }
        JsonNode payload = event.path("payload");
        for (String field : List.of("summary", "source", "severity")) {
            if (payload.path(field).asText().isEmpty()) {
                errors.add("'payload." + field + "' is missing or blank");
            }
        }
        if (!SEVERITIES.contains(payload.path("severity").asText())) {
            errors.add("'payload.severity' must be one of " + SEVERITIES);
        }
        if (payload.path("summary").asText().length() > 1024) {
            errors.add("'payload.summary' is longer than 1024 characters");
        }
        return errors;
    }

    @Override
    public void close() throws TimeoutException {
        server.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}

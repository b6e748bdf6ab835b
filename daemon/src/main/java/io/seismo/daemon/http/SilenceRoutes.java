package io.seismo.daemon.http;

import io.seismo.daemon.config.Durations;
import io.seismo.daemon.silence.Silence;
import io.seismo.daemon.silence.SilenceDraft;
import io.seismo.daemon.silence.SilenceJson;
import io.seismo.daemon.silence.SilenceState;
import io.seismo.daemon.silence.SilenceStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/silences}, {@code GET /v1/silences} and {@code DELETE /v1/silences/:id}. Changing silences
 * needs an ingest bearer token; saving them forces a file to disk, so that happens off the event loop.
 */
public final class SilenceRoutes {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final SilenceStore store;

    public SilenceRoutes(Vertx vertx, SilenceStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    void mount(Router router, Handler<RoutingContext> auth) {
        router.post("/v1/silences").handler(auth);
        router.post("/v1/silences").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::add);
        router.get("/v1/silences").handler(this::list);
        router.delete("/v1/silences/:id").handler(auth).handler(this::expire);
    }

    private void add(RoutingContext ctx) {
        SilenceDraft draft;
        try {
            draft = draft(ctx.body().asJsonObject(), store.clock().instant());
        } catch (IllegalArgumentException | DecodeException | ClassCastException | DateTimeParseException e) {
            reply(ctx, 400, new JsonObject().put("error", "bad silence: " + e.getMessage()));
            return;
        }
        vertx.executeBlocking(() -> store.add(draft), false)
                .onSuccess(silence -> reply(ctx, 201, new JsonObject().put("id", silence.id())))
                .onFailure(e -> reply(ctx, e instanceof IllegalArgumentException ? 400 : 500, new JsonObject()
                        .put("error", (e instanceof IllegalArgumentException ? "bad silence: " : "") + e.getMessage())));
    }

    private void list(RoutingContext ctx) {
        Instant now = store.clock().instant();
        String wanted = ctx.queryParams().get("state");
        JsonArray silences = new JsonArray();
        for (Silence silence : store.list()) {
            SilenceState state = silence.state(now);
            if (wanted == null || state.wireName().equals(wanted.toLowerCase(Locale.ROOT))) {
                silences.add(wire(silence, now));
            }
        }
        ctx.response().putHeader("Content-Type", "application/json").end(silences.encode());
    }

    private void expire(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> store.expire(id), false)
                .onSuccess(found -> {
                    if (found) {
                        reply(ctx, 200, wire(store.find(id).orElseThrow(), store.clock().instant()));
                    } else {
                        reply(ctx, 404, new JsonObject().put("error", "no silence with id " + id));
                    }
                })
                .onFailure(e -> reply(ctx, 500, new JsonObject().put("error", e.getMessage())));
    }

    /** Reads a request body; {@code endsAt} or {@code duration} (from {@code startsAt}, else now) is required. */
    static SilenceDraft draft(JsonObject body, Instant now) {
        if (body == null) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonArray given = body.getJsonArray("matchers");
        List<String> matchers = new ArrayList<>();
        if (given != null) {
            given.forEach(m -> matchers.add((String) m));
        }
        Instant startsAt = body.getString("startsAt") == null ? null : Instant.parse(body.getString("startsAt"));
        Instant endsAt;
        if (body.getString("endsAt") != null) {
            endsAt = Instant.parse(body.getString("endsAt"));
        } else if (body.getString("duration") != null) {
            endsAt = (startsAt == null ? now : startsAt).plus(Durations.parse("duration", body.getString("duration")));
        } else {
            endsAt = null;
        }
        return new SilenceDraft(matchers, startsAt, endsAt, body.getString("createdBy"), body.getString("comment"));
    }

    static JsonObject wire(Silence silence, Instant now) {
        return SilenceJson.of(silence).put("state", silence.state(now).wireName());
    }

    private static void reply(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
        }
    }
}

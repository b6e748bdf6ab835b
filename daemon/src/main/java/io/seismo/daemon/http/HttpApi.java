package io.seismo.daemon.http;

import io.seismo.daemon.ingest.BearerTokenAuth;
import io.seismo.daemon.ingest.IngestHandler;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.reload.ReloadControl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The daemon's one HTTP server: ingest, health, metrics and the read-only JSON API. Every handler runs on
 * an event loop and only reads state that other threads publish safely (snapshots, concurrent maps).
 */
public final class HttpApi {
    private final Vertx vertx;
    private final DaemonMetrics metrics;
    private final Readiness readiness;

    public HttpApi(Vertx vertx, DaemonMetrics metrics, Readiness readiness) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.readiness = readiness;
    }

    /**
     * @param alerts  the active alerts, as any value Jackson can write
     * @param traces  a recent trace summary by trace id
     * @param status  a summary of the running daemon
     * @param reload  {@code POST /v1/reload} (same bearer tokens as ingest) and {@code GET /v1/rules}
     * @param silences {@code /v1/silences}
     */
    public Future<HttpServer> start(String host, int port, int maxBodyBytes, BearerTokenAuth auth, IngestHandler ingest,
                                    Supplier<Object> alerts, Function<String, Optional<Object>> traces,
                                    Supplier<JsonObject> status, ReloadControl reload, SilenceRoutes silences) {
        Router router = Router.router(vertx);
        // The token is checked before the body is read; the ingest handler reads it (into a reused array).
        router.post("/v1/ingest").handler(auth).handler(ingest);
        router.get("/metrics").handler(new MetricsEndpoint(metrics.registry()));
        router.get("/healthz").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "ok")));
        router.get("/readyz").handler(ctx -> {
            String reason = readiness.reason();
            json(ctx, reason == null ? 200 : 503, reason == null ? new JsonObject().put("ready", true)
                    : new JsonObject().put("ready", false).put("reason", reason));
        });
        router.get("/v1/status").handler(ctx -> json(ctx, 200, status.get()));
        router.get("/v1/alerts").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(Json.encode(alerts.get())));
        router.get("/v1/traces/:traceId").handler(ctx -> traces.apply(ctx.pathParam("traceId"))
                .ifPresentOrElse(
                        t -> ctx.response().putHeader("Content-Type", "application/json").end(Json.encode(t)),
                        () -> json(ctx, 404, new JsonObject().put("error", "no recent trace with this id"))));
        // A reload compiles Groovy and may wait for alerting to switch sinks: never on the event loop.
        router.post("/v1/reload").handler(auth).handler(ctx -> vertx.executeBlocking(reload::reload, false)
                .onSuccess(result -> encoded(ctx, result.ok() ? 200 : 422, result))
                .onFailure(error -> json(ctx, 500, new JsonObject().put("error", "reload failed: " + error))));
        router.get("/v1/rules").handler(ctx -> encoded(ctx, 200, reload.rules()));
        silences.mount(router, auth);
        router.get("/v1/reload").handler(ctx -> json(ctx, 200, new JsonObject()
                .put("last", reload.lastReload() == null ? null : JsonObject.mapFrom(reload.lastReload()))));
        router.errorHandler(413, ctx -> {
            metrics.rejectedTooLarge.inc();
            json(ctx, 413, new JsonObject().put("error", "body larger than " + maxBodyBytes + " bytes"));
        });
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setDecompressionSupported(true);
        return vertx.createHttpServer(options).requestHandler(router).listen();
    }

    private static void encoded(RoutingContext ctx, int status, Object value) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Json.encode(value));
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
        }
    }
}

package io.seismo.daemon.ingest;

import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.pipeline.BatchMeta;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;

/**
 * Answers one ingest request once its batch's outcome is known: 200 with what was taken after the journal has it,
 * 429 with {@code Retry-After} when the ring had no room in time, 503 when the journal write failed.
 */
final class IngestReply implements AdmissionOutcome {
    static final String RETRY_AFTER_SECONDS = "1";

    private final RoutingContext ctx;
    private final BatchMeta meta;
    private final int malformed;
    private final Future<Void> journaled;
    private final DaemonMetrics metrics;
    private final AgentRegistry agents;
    private final Clock clock;

    IngestReply(RoutingContext ctx, BatchMeta meta, int malformed, Future<Void> journaled, DaemonMetrics metrics,
                AgentRegistry agents, Clock clock) {
        this.ctx = ctx;
        this.meta = meta;
        this.malformed = malformed;
        this.journaled = journaled;
        this.metrics = metrics;
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public void published(int accepted, int duplicates, long acceptedBytes) {
        if (duplicates > 0) {
            metrics.duplicateLines.inc(duplicates);
        }
        JsonObject result = taken(accepted, duplicates);
        if (accepted == 0) {
            answer(ctx, 200, result, false);
            return;
        }
        journaled
                .onSuccess(v -> {
                    metrics.eventsIngested.inc(accepted);
                    agents.accepted(meta.agent(), meta.host(), accepted, clock.instant());
                    metrics.bytesIngested.inc(acceptedBytes);
                    metrics.agentIngest.accepted(meta.agent(), accepted, acceptedBytes);
                    answer(ctx, 200, result, false);
                })
                .onFailure(e -> answer(ctx, 503, new JsonObject().put("error", "journal write failed: " + e.getMessage()), true));
    }

    @Override
    public void refused() {
        metrics.rejectedRingFull.inc();
        answer(ctx, 429, new JsonObject().put("error", "pipeline is full, retry later"), true);
    }

    /** The body of a 200: lines taken, malformed, and already sent. */
    JsonObject taken(int accepted, int duplicates) {
        return new JsonObject().put("accepted", accepted).put("malformed", malformed).put("duplicates", duplicates);
    }

    static void answer(RoutingContext ctx, int status, JsonObject body, boolean retryAfter) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (retryAfter) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        ctx.response().end(body.encode());
    }
}

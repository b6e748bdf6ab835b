package io.seismo.daemon.ingest;

import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.pipeline.BatchMeta;
import io.seismo.daemon.pipeline.IngestBatch;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /v1/ingest}: splits the NDJSON body into envelope lines, skips and counts the malformed ones
 * and the ones this source already sent (by byte offset), publishes the rest to the ring in one go, and answers only once the journal has them. Runs on an event
 * loop: nothing here blocks; a full ring is answered with 429 and Retry-After at once.
 */
public final class IngestHandler implements Handler<RoutingContext> {
    static final String RETRY_AFTER_SECONDS = "1";

    private final Pipeline pipeline;
    private final ParserTable parsers;
    private final DaemonMetrics metrics;
    private final BooleanSupplier ready;
    private final Clock clock;
    private final AgentRegistry agents;
    private final SourceOffsets sourceOffsets;
    private final ThreadLocal<EnvelopeReader> readers = ThreadLocal.withInitial(EnvelopeReader::new);
    private final LentBodies bodies;

    /**
     * @param sourceOffsets ingest's high-water offsets per source; recovery raises them to the last checkpoint's
     *                      and the replayed lines before {@code ready} turns true
     * @param maxBodyBytes  a larger body is answered 413
     */
    public IngestHandler(Pipeline pipeline, ParserTable parsers, DaemonMetrics metrics, BooleanSupplier ready, Clock clock,
                         AgentRegistry agents, SourceOffsets sourceOffsets, int maxBodyBytes) {
        this.pipeline = pipeline;
        this.parsers = parsers;
        this.metrics = metrics;
        this.ready = ready;
        this.clock = clock;
        this.agents = agents;
        this.sourceOffsets = sourceOffsets;
        this.bodies = new LentBodies(maxBodyBytes);
    }

    @Override
    public void handle(RoutingContext ctx) {
        bodies.read(ctx, (bytes, length) -> take(ctx, bytes, length));
    }

    /** Takes the body's lines; {@code bytes} are lent until this returns, so the lines are copied out of them. */
    private void take(RoutingContext ctx, byte[] bytes, int length) {
        if (!ready.getAsBoolean()) {
            metrics.rejectedNotReady.inc();
            answer(ctx, 503, new JsonObject().put("error", "not ready"), true);
            return;
        }
        MultiMap headers = ctx.request().headers();
        long firstOffset;
        long lastOffset;
        try {
            firstOffset = offsetHeader(headers, "Seismo-First-Offset");
            lastOffset = offsetHeader(headers, "Seismo-Last-Offset");
        } catch (NumberFormatException e) {
            answer(ctx, 400, new JsonObject().put("error", e.getMessage()), false);
            return;
        }
        int capacity = lineCount(bytes, length);
        String[] lines = new String[capacity];
        long[] offsets = new long[capacity];
        boolean[] truncated = new boolean[capacity];
        EnvelopeReader reader = readers.get();
        String source = headers.get("Seismo-Source");
        long highWater = sourceOffsets.highWater(source);
        long nextOffset = highWater;
        int good = 0;
        int malformed = 0;
        int duplicates = 0;
        long lineBytes = 0;
        int start = 0;
        while (start < length) {
            int end = indexOf(bytes, (byte) '\n', start, length);
            int len = trimmedLength(bytes, start, end);
            if (len > 0) {
                if (!reader.read(bytes, start, len)) {
                    malformed++;
                } else if (reader.offset() >= 0 && reader.offset() < highWater) {
                    duplicates++;
                } else {
                    nextOffset = Math.max(nextOffset, reader.offset() + 1);
                    lines[good] = reader.line();
                    offsets[good] = reader.offset();
                    truncated[good] = reader.truncated();
                    lineBytes += len;
                    good++;
                }
            }
            start = end + 1;
        }
        if (malformed > 0) {
            metrics.malformedLines.inc(malformed);
        }
        if (duplicates > 0) {
            metrics.duplicateLines.inc(duplicates);
        }
        JsonObject result = new JsonObject().put("accepted", good).put("malformed", malformed).put("duplicates", duplicates);
        if (good == 0) {
            answer(ctx, 200, result, false);
            return;
        }
        if (good > pipeline.ringSize()) {
            metrics.rejectedTooLarge.inc();
            answer(ctx, 413, new JsonObject().put("error", "batch of " + good + " lines exceeds the ring of "
                    + pipeline.ringSize() + " slots; send smaller batches"), false);
            return;
        }
        String service = headers.get("Seismo-Service");
        String path = headers.get("Seismo-Path");
        BatchMeta meta = new BatchMeta(headers.get("Seismo-Agent"), headers.get("Seismo-Host"), service, path,
                source, firstOffset, lastOffset, parsers.indexFor(service, path),
                epochNanos());
        Promise<Void> journaled = Promise.promise();
        IngestBatch batch = new IngestBatch(meta, lines, offsets, truncated, good, new ContextAck(ctx.vertx().getOrCreateContext(), journaled));
        if (!pipeline.tryPublish(batch)) {
            metrics.rejectedRingFull.inc();
            answer(ctx, 429, new JsonObject().put("error", "pipeline is full, retry later"), true);
            return;
        }
        // Advanced on publish, not on ack: a retry racing a slow journal write must not be taken twice.
        sourceOffsets.advance(source, nextOffset);
        int accepted = good;
        long acceptedBytes = lineBytes;
        journaled.future()
                .onSuccess(v -> {
                    metrics.eventsIngested.inc(accepted);
                    agents.accepted(meta.agent(), meta.host(), accepted, clock.instant());
                    metrics.bytesIngested.inc(acceptedBytes);
                    metrics.agentIngest.accepted(meta.agent(), accepted, acceptedBytes);
                    answer(ctx, 200, result, false);
                })
                .onFailure(e -> answer(ctx, 503, new JsonObject().put("error", "journal write failed: " + e.getMessage()), true));
    }

    private long epochNanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void answer(RoutingContext ctx, int status, JsonObject body, boolean retryAfter) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (retryAfter) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        ctx.response().end(body.encode());
    }

    private static long offsetHeader(MultiMap headers, String name) {
        String v = headers.get(name);
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(name + " is not a number: " + v);
        }
    }

    private static int lineCount(byte[] bytes, int length) {
        int n = 1;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(byte[] bytes, byte b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return length;
    }

    private static int trimmedLength(byte[] bytes, int start, int end) {
        int e = end;
        while (e > start && (bytes[e - 1] == '\r' || bytes[e - 1] == ' ' || bytes[e - 1] == '\t')) {
            e--;
        }
        return e - start;
    }
}

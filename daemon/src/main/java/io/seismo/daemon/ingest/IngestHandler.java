package io.seismo.daemon.ingest;

import io.seismo.daemon.bytes.ByteWords;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.metrics.EpochNanos;
import io.seismo.daemon.pipeline.BatchLines;
import io.seismo.daemon.pipeline.BatchMeta;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /v1/ingest}: reads the lines of the body, framed ({@link LineFrames}, as the agent sends them; a
 * malformed body is answered 400) or NDJSON envelopes (where the malformed lines are skipped and counted), offers
 * them to the ring in one go (where the ones this source already sent, by byte offset, are dropped and counted)
 * and answers only once the journal has them. Runs on an event loop: nothing here blocks; a batch that
 * finds the ring full waits its turn for room, and is answered 429 with Retry-After if none comes in time.
 */
public final class IngestHandler implements Handler<RoutingContext> {
    private final ParserTable parsers;
    private final DaemonMetrics metrics;
    private final BooleanSupplier ready;
    private final Clock clock;
    private final AgentRegistry agents;
    private final ThreadLocal<EnvelopeReader> readers = ThreadLocal.withInitial(EnvelopeReader::new);
    private final ThreadLocal<Envelope> frames = ThreadLocal.withInitial(Envelope::new);
    private final LentBodies bodies;
    private final RingAdmission admission;
    private final int ringSize;

    /**
     * @param sourceOffsets ingest's high-water offsets per source; recovery raises them to the last checkpoint's
     *                      and the replayed lines before {@code ready} turns true
     * @param maxBodyBytes  a larger body is answered 413
     */
    public IngestHandler(Pipeline pipeline, ParserTable parsers, DaemonMetrics metrics, BooleanSupplier ready, Clock clock,
                         AgentRegistry agents, SourceOffsets sourceOffsets, int maxBodyBytes) {
        this(pipeline, parsers, metrics, ready, clock, agents, sourceOffsets, maxBodyBytes, RingAdmission.DEFAULT_MAX_WAIT);
    }

    /** @param maxRingWait how long a batch may wait for room in a full ring before it is answered 429 */
    IngestHandler(Pipeline pipeline, ParserTable parsers, DaemonMetrics metrics, BooleanSupplier ready, Clock clock,
                  AgentRegistry agents, SourceOffsets sourceOffsets, int maxBodyBytes, Duration maxRingWait) {
        this.parsers = parsers;
        this.metrics = metrics;
        this.ready = ready;
        this.clock = clock;
        this.agents = agents;
        this.bodies = new LentBodies(maxBodyBytes);
        this.ringSize = pipeline.ringSize();
        // At most a ring's worth of lines waits: they are in memory already, as the request's Strings.
        this.admission = new RingAdmission(pipeline::tryPublish, sourceOffsets, ringSize, maxRingWait);
        metrics.gauge("seismo_ingest_waiting_lines", "Lines of ingest batches waiting for room in a full ring",
                admission::waitingLines);
    }

    @Override
    public void handle(RoutingContext ctx) {
        bodies.read(ctx, (bytes, length) -> take(ctx, bytes, length));
    }

    /**
     * Takes the body's lines; says whether it keeps {@code bytes}, the body: a framed body's lines stay where they
     * are in it until their batch is settled (the batch then gives it back), an NDJSON body's are copied out.
     */
    private boolean take(RoutingContext ctx, byte[] bytes, int length) {
        if (!ready.getAsBoolean()) {
            metrics.rejectedNotReady.inc();
            IngestReply.answer(ctx, 503, new JsonObject().put("error", "not ready"), true);
            return false;
        }
        MultiMap headers = ctx.request().headers();
        long firstOffset;
        long lastOffset;
        try {
            firstOffset = offsetHeader(headers, "Seismo-First-Offset");
            lastOffset = offsetHeader(headers, "Seismo-Last-Offset");
        } catch (NumberFormatException e) {
            IngestReply.answer(ctx, 400, new JsonObject().put("error", e.getMessage()), false);
            return false;
        }
        String service = headers.get("Seismo-Service");
        String path = headers.get("Seismo-Path");
        BatchMeta meta = new BatchMeta(headers.get("Seismo-Agent"), headers.get("Seismo-Host"), service, path,
                headers.get("Seismo-Source"), firstOffset, lastOffset, parsers.indexFor(service, path), EpochNanos.now(clock));
        boolean framed = LineFrames.isMediaType(headers.get("Content-Type"));
        int capacity;
        if (framed) {
            try {
                capacity = LineFrames.count(bytes, length);
            } catch (MalformedFramesException e) {
                metrics.rejectedMalformed.inc();
                IngestReply.answer(ctx, 400, new JsonObject().put("error", "malformed " + LineFrames.MEDIA_TYPE
                        + " body: " + e.getMessage()), false);
                return false;
            }
        } else {
            capacity = ByteWords.count(bytes, 0, length, (byte) '\n') + 1;
        }
        Context context = ctx.vertx().getOrCreateContext();
        Promise<Void> journaled = Promise.promise();
        // A framed line's bytes are in the body as they were in the file: the batch reads them there. An envelope's
        // line goes into an array lent like the body's; a line is never longer than its envelope, so the body's
        // length is room enough. No String per line either way.
        BatchLines lines = framed ? BatchLines.inPlace(capacity, bytes)
                : new BatchLines(capacity, bodies.borrow(length));
        OfferedBatch batch = new OfferedBatch(meta, lines, new ContextAck(context, journaled), System.nanoTime());
        int malformed = 0;
        if (framed) {
            addFramed(bytes, length, batch);
        } else {
            malformed = addEnvelopes(bytes, length, batch);
        }
        if (malformed > 0) {
            metrics.malformedLines.inc(malformed);
        }
        offer(ctx, context, malformed, journaled, batch);
        return framed;
    }

    /** Adds the lines of a framed body that passed {@link LineFrames#count}, which refuses a malformed one whole. */
    private void addFramed(byte[] bytes, int length, OfferedBatch batch) {
        Envelope envelope = frames.get();
        for (int at = 0; at < length; ) {
            int next = LineFrames.read(bytes, at, envelope);
            batch.add(envelope, next - at);
            at = next;
        }
    }

    /** Adds the envelopes of an NDJSON body; returns how many lines were not envelopes and were skipped. */
    private int addEnvelopes(byte[] bytes, int length, OfferedBatch batch) {
        EnvelopeReader reader = readers.get();
        int malformed = 0;
        int start = 0;
        while (start < length) {
            int end = ByteWords.indexOf(bytes, start, length, (byte) '\n');
            int len = trimmedLength(bytes, start, end);
            if (len > 0) {
                if (reader.read(bytes, start, len)) {
                    batch.add(reader.envelope(), len);
                } else {
                    malformed++;
                }
            }
            start = end + 1;
        }
        return malformed;
    }

    /**
     * Answers or hands {@code batch} to the ring. Once it is settled (answered, published or refused) the array its
     * lines are in goes back to this event loop: a batch that waits for room keeps it until then.
     */
    private void offer(RoutingContext ctx, Context context, int malformed, Promise<Void> journaled, OfferedBatch batch) {
        IngestReply reply = new IngestReply(ctx, batch.meta(), malformed, journaled.future(), metrics, agents, clock);
        if (batch.size() == 0) {
            IngestReply.answer(ctx, 200, reply.taken(0, 0), false);
            bodies.giveBack(batch.text());
            return;
        }
        if (admission.dropAlreadyTaken(batch) > ringSize) {
            metrics.rejectedTooLarge.inc();
            IngestReply.answer(ctx, 413, new JsonObject().put("error", "batch of " + batch.size()
                    + " lines exceeds the ring of " + ringSize + " slots; send smaller batches"), false);
            bodies.giveBack(batch.text());
            return;
        }
        admission.offer(batch, new ArrayReturningOutcome(reply, bodies, batch.text()), context);
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

    private static int trimmedLength(byte[] bytes, int start, int end) {
        int e = end;
        while (e > start && (bytes[e - 1] == '\r' || bytes[e - 1] == ' ' || bytes[e - 1] == '\t')) {
            e--;
        }
        return e - start;
    }
}

package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.IngestBatch;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * Lets ingest batches into the ring in the order they came, and makes one that finds the ring full wait for room
 * instead of turning it away at once. {@code Retry-After} is whole seconds, so a 429 at every moment the ring was
 * full left the pipeline idle for most of each second under load; a waiting batch goes in within a millisecond of
 * its room. A batch waits at most {@code maxWait} and at most {@code maxWaitingLines} lines wait in all; past
 * either it is refused (429) as before. Each batch drops the lines its source already sent just before it goes
 * in, and the source's high-water mark advances with it, both under this object's lock, so a retry racing its
 * first attempt, on this event loop or another, is taken once. Safe from any thread.
 */
final class RingAdmission {
    /** Well under the agent's request timeout (30 s by default), so the answer still finds the request. */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);
    private static final long RETRY_EVERY_MILLIS = 1;

    private final Predicate<IngestBatch> ring;
    private final SourceOffsets sourceOffsets;
    private final int maxWaitingLines;
    private final long maxWaitNanos;
    private final ArrayDeque<Offer> waiting = new ArrayDeque<>();
    private int waitingLines;
    private Vertx retryingOn;
    private long retryTimer;

    /**
     * @param ring          publishes every line of a batch, or none and false when there is no room
     * @param sourceOffsets ingest's high-water offsets per source
     */
    RingAdmission(Predicate<IngestBatch> ring, SourceOffsets sourceOffsets, int maxWaitingLines, Duration maxWait) {
        this.ring = ring;
        this.sourceOffsets = sourceOffsets;
        this.maxWaitingLines = maxWaitingLines;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** A batch, what to tell of it, and the event loop to tell it on. */
    private record Offer(OfferedBatch batch, AdmissionOutcome outcome, Context context) {
        void published() {
            int accepted = batch.size();
            int duplicates = batch.duplicates();
            long bytes = batch.keptBytes();
            context.runOnContext(v -> outcome.published(accepted, duplicates, bytes));
        }

        void refused() {
            context.runOnContext(v -> outcome.refused());
        }
    }

    /**
     * Publishes the batch now, or queues it behind those already waiting; {@code outcome} is told either way, on
     * {@code context}, once the batch is published or refused: until then it waits and still needs its lines.
     */
    synchronized void offer(OfferedBatch batch, AdmissionOutcome outcome, Context context) {
        Offer offer = new Offer(batch, outcome, context);
        if (waiting.isEmpty() && publish(offer)) {
            return;
        }
        if (waitingLines + batch.linesOffered() > maxWaitingLines) {
            offer.refused();
            return;
        }
        waiting.addLast(offer);
        waitingLines += batch.linesOffered();
        publishWaiting(System.nanoTime());
        if (!waiting.isEmpty() && retryingOn == null) {
            Vertx vertx = context.owner();
            retryingOn = vertx;
            retryTimer = vertx.setPeriodic(RETRY_EVERY_MILLIS, id -> retry());
        }
    }

    /**
     * Drops the lines the batch's source is already known to have sent, before the batch is offered, so that a retry
     * is judged by its new lines (against the ring's size, say). Needs no lock: a high-water mark only rises, and
     * publication drops whatever more a racing attempt took meanwhile. Says how many lines are left.
     */
    int dropAlreadyTaken(OfferedBatch batch) {
        return batch.keepFrom(sourceOffsets.highWater(batch.source()));
    }

    /** Lines waiting for room now. */
    synchronized int waitingLines() {
        return waitingLines;
    }

    private synchronized void retry() {
        publishWaiting(System.nanoTime());
        if (waiting.isEmpty() && retryingOn != null) {
            retryingOn.cancelTimer(retryTimer);
            retryingOn = null;
        }
    }

    private void publishWaiting(long nowNanos) {
        while (!waiting.isEmpty()) {
            Offer head = waiting.peekFirst();
            if (!publish(head)) {
                if (nowNanos - head.batch().offeredNanos() < maxWaitNanos) {
                    return; // the batches behind it wait too: a source's lines go in in order
                }
                head.refused();
            }
            waiting.removeFirst();
            waitingLines -= head.batch().linesOffered();
        }
    }

    /** Drops what the source already sent and publishes the rest; false, with nothing taken, when there is no room. */
    private boolean publish(Offer offer) {
        OfferedBatch batch = offer.batch();
        long highWater = sourceOffsets.highWater(batch.source());
        if (batch.keepFrom(highWater) > 0) {
            if (!ring.test(batch.forRing())) {
                return false;
            }
            sourceOffsets.advance(batch.source(), batch.nextOffset(highWater));
        }
        offer.published();
        return true;
    }
}

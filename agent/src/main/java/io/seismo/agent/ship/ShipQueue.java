package io.seismo.agent.ship;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.tail.LineView;

import java.util.ArrayDeque;

/**
 * One source's way to the daemon: the batch being filled and the sealed batches waiting, sent strictly one at
 * a time so the daemon sees each file's lines in order. A failed batch waits here for its retry time without
 * holding any of the agent's in-flight slots, so one troubled file cannot starve the others. Normally one
 * batch waits; a batch the daemon found too large is replaced by its two halves.
 */
public final class ShipQueue {
    private final BatchBuilder builder;
    private final ArrayDeque<Batch> sealed = new ArrayDeque<>();
    private boolean inFlight;
    private int failures;
    private long notBeforeNanos;

    public ShipQueue(BatchLimits limits) {
        this.builder = new BatchBuilder(limits);
    }

    public boolean offer(LineView line, long nowNanos) {
        return builder.offer(line, nowNanos);
    }

    /** Seals the open batch when it is due and nothing else waits (ordering, and memory stays bounded). */
    public void sealIfDue(long nowNanos, ShipSource source) {
        if (sealed.isEmpty() && builder.isDue(nowNanos)) {
            sealed.add(builder.seal(source));
        }
    }

    /** Whether the open batch is full, so a caller holding more lines waits for it to be sealed and sent. */
    public boolean isFull() {
        return builder.isFull();
    }

    /** Lines in the open batch and the sealed ones waiting, none yet acknowledged. */
    public boolean isEmpty() {
        return builder.isEmpty() && sealed.isEmpty();
    }

    public boolean hasSealed() {
        return !sealed.isEmpty();
    }

    /** The next batch to send, or {@code null} if one is in flight, none waits, or its retry time is ahead. */
    public Batch takeForSending(long nowNanos) {
        if (inFlight || sealed.isEmpty() || nowNanos < notBeforeNanos) {
            return null;
        }
        inFlight = true;
        return sealed.peekFirst();
    }

    /** The batch in flight is done with: delivered, or dropped for good. */
    public void settled() {
        builder.recycle(sealed.pollFirst());
        inFlight = false;
        failures = 0;
        notBeforeNanos = 0;
    }

    /** The batch in flight failed; it is tried again no sooner than {@code retryAtNanos}. */
    public void failed(long retryAtNanos) {
        inFlight = false;
        failures++;
        notBeforeNanos = retryAtNanos;
    }

    /** The batch in flight was too large: its halves take its place, first half first. */
    public void split(long retryAtNanos) {
        Batch[] halves = sealed.pollFirst().halves();
        sealed.addFirst(halves[1]);
        sealed.addFirst(halves[0]);
        failed(retryAtNanos);
    }

    /** Consecutive failures of the batch at the front. */
    public int failures() {
        return failures;
    }

    public long bufferedBytes() {
        long bytes = builder.bufferedBytes();
        for (Batch b : sealed) {
            bytes += b.bodyLength();
        }
        return bytes;
    }
}

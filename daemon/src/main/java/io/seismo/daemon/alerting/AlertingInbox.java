package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rounds of findings and snapshot requests on their way to the alerting thread, in the order they were made. The
 * thread takes whatever queued while it was busy in one go, so that the notifications of many rounds go into the
 * outbox with one fsync: with one each, a disk that took 170 ms a sync (the kernel writing back other files) had the
 * correlator's 40–50 rounds a second queue without end. Any thread adds; the alerting thread drains.
 */
final class AlertingInbox {
    sealed interface Item permits FindingsRound, SnapshotRequest {
    }

    record FindingsRound(List<Finding> findings) implements Item {
    }

    /** Completes with the alerting state once every round queued before it is processed. */
    record SnapshotRequest(CompletableFuture<byte[]> snapshot) implements Item {
    }

    private final Queue<Item> items = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();

    /** Queues the item; true when the caller must hand the alerting thread a drain, none being due yet. */
    boolean add(Item item) {
        items.add(item);
        return drainPending.compareAndSet(false, true);
    }

    /**
     * No drain is due any more: the one handed over has started, or it was refused. The next {@link #add} asks for
     * one.
     */
    void noDrainDue() {
        drainPending.set(false);
    }

    /** The oldest item, or null when none is left. */
    Item next() {
        return items.poll();
    }
}

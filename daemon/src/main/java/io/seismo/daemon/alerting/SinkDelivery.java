package io.seismo.daemon.alerting;

import io.seismo.sink.AlertSink;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.Notification;
import io.seismo.sink.delivery.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Delivers outbox entries to one sink, retrying on its own schedule so that a slow or failing sink never delays
 * another. Each entry is settled in the {@link Outbox} once the sink took it, it was superseded, refused for good or
 * given up ({@code giveUpAfter} counted from when it entered the outbox, so across restarts too). Runs on the alerting thread only: {@link AlertSink#send} returns at once and its outcome is handed
 * back to that thread, so no state here is shared.
 *
 * <p>Per group at most one send is in flight and the group's notifications go in order: a receiver must never
 * see an alert's resolve overtaken by its older firing message. While a sink is down, a newer notification that
 * carries every alert of an older one supersedes it: the newest state is the only one worth sending.
 */
final class SinkDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SinkDelivery.class);

    private final AlertSink sink;
    private final Executor alertingThread;
    private final InstantSource clock;
    private final Backoff backoff;
    private final Duration giveUpAfter;
    private final AlertingMetrics metrics;
    private final Outbox outbox;
    private final Map<String, Pending> pendingByGroup = new HashMap<>();
    private boolean retired;

    SinkDelivery(AlertSink sink, Executor alertingThread, InstantSource clock, AlertingOptions options,
                 AlertingMetrics metrics, Outbox outbox) {
        this.outbox = outbox;
        this.sink = sink;
        this.alertingThread = alertingThread;
        this.clock = clock;
        this.backoff = options.retryBackoff();
        this.giveUpAfter = options.giveUpAfter();
        this.metrics = metrics;
    }

    String name() {
        return sink.name();
    }

    /** Notifications not yet accepted by the sink. */
    int pendingCount() {
        return pendingByGroup.values().stream().mapToInt(pending -> pending.queue.size()).sum();
    }

    /**
     * Stops this delivery because a reload replaced its sink: returns every undelivered entry (waiting for a retry
     * or still in flight), oldest first per group, and ignores whatever the sends in flight come back with.
     */
    List<OutboxEntry> retire() {
        retired = true;
        List<OutboxEntry> undelivered = new ArrayList<>();
        pendingByGroup.values().forEach(pending -> undelivered.addAll(pending.queue));
        pendingByGroup.clear();
        return undelivered;
    }

    /**
     * Queues an entry behind the group's earlier ones. An earlier entry whose alerts the new one all carries is
     * superseded (settled unsent): only the newest state of an alert is worth sending to a sink that was down.
     */
    void deliver(OutboxEntry entry) {
        Pending pending = pendingByGroup.computeIfAbsent(entry.notification().groupKey(), key -> new Pending());
        Iterator<OutboxEntry> queued = pending.queue.iterator();
        while (queued.hasNext()) {
            OutboxEntry earlier = queued.next();
            if (!carriesAllAlertsOf(entry, earlier)) {
                continue;
            }
            if (pending.inFlight && earlier == pending.queue.peekFirst()) {
                pending.headSuperseded = true; // settled when its send comes back
            } else {
                queued.remove();
                outbox.markDone(earlier.key());
            }
        }
        pending.queue.addLast(entry);
        if (!pending.inFlight && pending.retryAt == null) {
            attempt(pending);
        }
    }

    /** Sends again whatever failed earlier and whose retry time has come. */
    void retryDue(Instant now) {
        for (Pending pending : new ArrayList<>(pendingByGroup.values())) {
            if (!pending.inFlight && pending.retryAt != null && !now.isBefore(pending.retryAt)) {
                attempt(pending);
            }
        }
    }

    private void attempt(Pending pending) {
        OutboxEntry sending = pending.queue.peekFirst();
        pending.inFlight = true;
        pending.retryAt = null;
        CompletableFuture<Void> result;
        long startNanos = System.nanoTime();
        try {
            result = sink.send(sending.notification());
            if (result == null) {
                result = CompletableFuture.failedFuture(new IllegalStateException("sink returned no future"));
            }
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        // Settle on the alerting thread, never inline: this keeps all state single-threaded and lets retryDue iterate.
        result.whenComplete((ignored, error) -> {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            alertingThread.execute(() -> {
                metrics.deliverySeconds(sink.name(), seconds);
                settle(pending, sending, error);
            });
        });
    }

    private void settle(Pending pending, OutboxEntry sentEntry, Throwable error) {
        if (retired) {
            return;
        }
        Notification sent = sentEntry.notification();
        Instant now = clock.instant();
        pending.inFlight = false;
        boolean superseded = pending.headSuperseded;
        pending.headSuperseded = false;
        if (error == null) {
            metrics.notificationsSent(sink.name(), sent.status());
            pending.failures = 0;
            finishHead(pending, sentEntry);
            return;
        }
        metrics.deliveryFailures(sink.name());
        Throwable cause = unwrap(error);
        DeliveryException refusal = cause instanceof DeliveryException d ? d : null;
        // Anything but a DeliveryException is a sink bug or an I/O surprise: worth retrying until giveUpAfter.
        boolean retryable = refusal == null || refusal.retryable();
        if (superseded) {
            pending.queue.pollFirst();
            outbox.markDone(sentEntry.key());
        } else if (!retryable) {
            metrics.deliveryRejected(sink.name());
            LOG.error("Sink '{}' refused notification {} ({}) for good; dropped: {}",
                    sink.name(), sent.groupKey(), sent.status().wireName(), cause.toString());
            finishHead(pending, sentEntry);
            return;
        } else if (!now.isBefore(sentEntry.createdAt().plus(giveUpAfter))) {
            metrics.deliveryGiveUps(sink.name());
            LOG.error("Giving up on notification {} ({}) to sink '{}' after {} of failures; last: {}",
                    sent.groupKey(), sent.status().wireName(), sink.name(), HumanFormat.duration(giveUpAfter), cause.toString());
            finishHead(pending, sentEntry);
            return;
        }
        if (pending.queue.isEmpty()) {
            pendingByGroup.remove(sent.groupKey());
            return;
        }
        pending.failures++;
        Duration delay = backoff.nextDelay(pending.failures, refusal == null ? null : refusal.retryAfter());
        pending.retryAt = now.plus(delay);
        LOG.warn("Sink '{}' failed to take notification {} ({}), attempt {}; retrying in {}: {}",
                sink.name(), sent.groupKey(), sent.status().wireName(), pending.failures, HumanFormat.duration(delay),
                cause.toString());
    }

    /** The head is settled for good: the next queued entry goes at once, or the group is done. */
    private void finishHead(Pending pending, OutboxEntry head) {
        pending.queue.pollFirst();
        outbox.markDone(head.key());
        if (pending.queue.isEmpty()) {
            pendingByGroup.remove(head.notification().groupKey());
        } else {
            attempt(pending);
        }
    }

    private static boolean carriesAllAlertsOf(OutboxEntry newer, OutboxEntry earlier) {
        Set<String> carried = new HashSet<>();
        newer.notification().alerts().forEach(alert -> carried.add(alert.fingerprint()));
        return earlier.notification().alerts().stream().allMatch(alert -> carried.contains(alert.fingerprint()));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One group's undelivered entries, oldest first (the head is the one being sent), and where delivery stands. */
    private static final class Pending {
        private final Deque<OutboxEntry> queue = new ArrayDeque<>();
        /** A newer entry carries everything the head in flight does: settle the head however its send ends. */
        private boolean headSuperseded;
        private int failures;
        private boolean inFlight;
        private Instant retryAt;
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Delivers notifications to one sink, retrying on its own schedule so that a slow or failing sink never delays
 * another. Runs on the alerting thread only: {@link AlertSink#send} returns at once and its outcome is handed
 * back to that thread, so no state here is shared.
 *
 * <p>Per group (alert) at most one send is in flight, and only the newest notification is kept: a receiver
 * must never see an alert's resolve overtaken by its older firing message, and while a sink is down the
 * newest state of an alert is the only one worth sending when it comes back.
 */
final class SinkDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SinkDelivery.class);

    private final AlertSink sink;
    private final Executor alertingThread;
    private final InstantSource clock;
    private final Backoff backoff;
    private final Duration giveUpAfter;
    private final AlertingMetrics metrics;
    private final Map<String, Pending> pendingByGroup = new HashMap<>();
    private boolean retired;

    SinkDelivery(AlertSink sink, Executor alertingThread, InstantSource clock, AlertingOptions options,
                 AlertingMetrics metrics) {
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
        return pendingByGroup.size();
    }

    /**
     * Stops this delivery because a reload replaced its sink: returns the newest undelivered notification of each
     * alert (waiting for a retry or still in flight) and ignores whatever the sends in flight come back with.
     */
    List<Notification> retire() {
        retired = true;
        List<Notification> undelivered = pendingByGroup.values().stream().map(pending -> pending.latest).toList();
        pendingByGroup.clear();
        return undelivered;
    }

    void deliver(Notification notification, Instant now) {
        Pending pending = pendingByGroup.computeIfAbsent(notification.groupKey(), key -> new Pending());
        pending.latest = notification;
        pending.since = now;
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
        Notification sending = pending.latest;
        pending.inFlight = true;
        pending.retryAt = null;
        CompletableFuture<Void> result;
        try {
            result = sink.send(sending);
            if (result == null) {
                result = CompletableFuture.failedFuture(new IllegalStateException("sink returned no future"));
            }
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        // Settle on the alerting thread, never inline: this keeps all state single-threaded and lets retryDue iterate.
        result.whenComplete((ignored, error) -> alertingThread.execute(() -> settle(pending, sending, error)));
    }

    private void settle(Pending pending, Notification sent, Throwable error) {
        if (retired) {
            return;
        }
        Instant now = clock.instant();
        pending.inFlight = false;
        boolean superseded = pending.latest != sent;
        if (error == null) {
            metrics.notificationsSent(sink.name(), sent.status());
            pending.failures = 0;
            if (superseded) {
                attempt(pending);
            } else {
                pendingByGroup.remove(sent.groupKey());
            }
            return;
        }
        metrics.deliveryFailures(sink.name());
        Throwable cause = unwrap(error);
        DeliveryException refusal = cause instanceof DeliveryException d ? d : null;
        // Anything but a DeliveryException is a sink bug or an I/O surprise: worth retrying until giveUpAfter.
        boolean retryable = refusal == null || refusal.retryable();
        if (!superseded && !retryable) {
            metrics.deliveryRejected(sink.name());
            LOG.error("Sink '{}' refused notification {} ({}) for good; dropped: {}",
                    sink.name(), sent.groupKey(), sent.status().wireName(), cause.toString());
            pendingByGroup.remove(sent.groupKey());
            return;
        }
        if (!superseded && !now.isBefore(pending.since.plus(giveUpAfter))) {
            metrics.deliveryGiveUps(sink.name());
            LOG.error("Giving up on notification {} ({}) to sink '{}' after {} of failures; last: {}",
                    sent.groupKey(), sent.status().wireName(), sink.name(), HumanFormat.duration(giveUpAfter), cause.toString());
            pendingByGroup.remove(sent.groupKey());
            return;
        }
        pending.failures++;
        Duration delay = backoff.nextDelay(pending.failures,
                refusal == null ? null : refusal.retryAfter());
        pending.retryAt = now.plus(delay);
        LOG.warn("Sink '{}' failed to take notification {} ({}), attempt {}; retrying in {}: {}",
                sink.name(), sent.groupKey(), sent.status().wireName(), pending.failures, HumanFormat.duration(delay),
                cause.toString());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The undelivered newest notification of one group, and where its delivery stands. */
    private static final class Pending {
        private Notification latest;
        private Instant since;
        private int failures;
        private boolean inFlight;
        private Instant retryAt;
    }
}

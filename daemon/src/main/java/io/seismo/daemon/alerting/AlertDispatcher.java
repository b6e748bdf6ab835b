package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alerting's own thread. The correlator hands findings over with {@link #submit}, which never blocks; the
 * {@link AlertLifecycle} runs here, is ticked every 100 ms, and each notification is put in the {@link Outbox}
 * (fsynced, deduplicated by key; the rounds that queued while the thread was busy together) before it goes to its
 * sink through a {@link SinkDelivery} that retries on its own schedule. {@link #snapshotAfterQueued()} and
 * {@link #restore} carry the lifecycle across checkpoints. Every piece of state is touched by this one thread only;
 * {@link #activeAlerts()} reads an immutable snapshot it publishes.
 */
public final class AlertDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** The outbox's folder under the data directory. */
    public static final String OUTBOX_DIRECTORY = "outbox";

    private final ScheduledExecutorService thread;
    private final InstantSource clock;
    private final AlertingMetrics metrics;
    private final AlertingOptions options;
    private final AlertLifecycle lifecycle;
    private final Outbox outbox;
    private final Map<String, SinkDelivery> deliveriesByReceiver = new LinkedHashMap<>();
    private final AlertingInbox inbox = new AlertingInbox();
    private volatile List<Alert> activeAlerts = List.of();
    private volatile List<ActiveAlert> activeStates = List.of();
    /** Set by the first {@link #submit}: from then on a restore would throw away live state. */
    private volatile boolean tookFindings;

    /**
     * @param sinks every sink is a receiver, named by {@link AlertSink#name()}; names must be unique
     * @param clock processing time for group waits, repeats and retries ({@link java.time.Clock} is one)
     */
    public AlertDispatcher(AlertingOptions options, List<AlertSink> sinks, InstantSource clock, AlertingMetrics metrics) {
        this(options, sinks, clock, metrics, new MemoryOutbox(), AlertPolicy.DEFAULT);
    }

    /**
     * A dispatcher whose outbox lives in {@code <dataDir>/outbox/}: what it holds undelivered from before a restart
     * is delivered again at once, what it holds delivered is never sent again.
     *
     * @throws java.io.UncheckedIOException when the outbox cannot be opened
     */
    public AlertDispatcher(AlertingOptions options, List<AlertSink> sinks, InstantSource clock, AlertingMetrics metrics,
                           Path dataDir) {
        this(options, sinks, clock, metrics, dataDir, AlertPolicy.DEFAULT);
    }

    /**
     * As {@link #AlertDispatcher(AlertingOptions, List, InstantSource, AlertingMetrics, Path)}, routing and muting
     * alerts as {@code policy} says (see {@link AlertPolicies#fromConfig}).
     */
    public AlertDispatcher(AlertingOptions options, List<AlertSink> sinks, InstantSource clock, AlertingMetrics metrics,
                           Path dataDir, AlertPolicy policy) {
        // Names checked before the outbox opens, so that a bad sink list leaves no file open behind.
        this(options, uniquelyNamed(sinks), clock, metrics, FileOutbox.open(dataDir.resolve(OUTBOX_DIRECTORY), metrics),
                policy);
    }

    private AlertDispatcher(AlertingOptions options, List<AlertSink> sinks, InstantSource clock, AlertingMetrics metrics,
                            Outbox outbox, AlertPolicy policy) {
        uniquelyNamed(sinks);
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        this.options = options;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "seismo-alerting");
            t.setDaemon(true);
            return t;
        });
        addDeliveries(sinks);
        this.lifecycle = new AlertLifecycle(options, List.copyOf(deliveriesByReceiver.keySet()), policy, metrics,
                new NotificationLog(NotificationLog.DEFAULT_CAPACITY));
        runOnAlertingThread(this::resumeOutbox);
        thread.scheduleWithFixedDelay(guarded(this::tick), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes with the alerting state once everything submitted before this call is processed. */
    public CompletableFuture<byte[]> snapshotAfterQueued() {
        CompletableFuture<byte[]> snapshot = new CompletableFuture<>();
        if (!enqueue(new AlertingInbox.SnapshotRequest(snapshot))) {
            snapshot.completeExceptionally(new IllegalStateException("alerting is stopped"));
        }
        return snapshot;
    }

    /**
     * Loads state before the dispatcher has taken any finding; IllegalArgumentException on bad bytes.
     *
     * @throws IllegalStateException when findings were already submitted, or the alerting thread does not take the
     *                               state within a few seconds
     */
    public void restore(byte[] state) {
        AlertingSnapshot decoded = AlertingSnapshotCodec.decode(state);
        if (tookFindings) {
            throw new IllegalStateException("alerting state can only be restored before the first finding");
        }
        CompletableFuture<Void> applied = new CompletableFuture<>();
        runOnAlertingThread(() -> {
            lifecycle.restore(decoded);
            publishActive();
            applied.complete(null);
        });
        try {
            applied.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring alerting state", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("alerting did not take the restored state: " + e, e);
        }
    }

    /** Hands a round of findings to the alerting thread; returns at once. Safe from any thread. */
    public void submit(List<Finding> round) {
        tookFindings = true;
        enqueue(new AlertingInbox.FindingsRound(List.copyOf(round)));
    }

    /** Queues the item and, when no drain is due, hands the alerting thread one; false when alerting is stopped. */
    private boolean enqueue(AlertingInbox.Item item) {
        if (inbox.add(item) && !runOnAlertingThread(this::drainInbox)) {
            inbox.noDrainDue();
            return false;
        }
        return true;
    }

    /**
     * Takes every round queued so far and routes their notifications together: one outbox fsync for all. A snapshot
     * request routes what came before it first, so the state it captures has every earlier notification in the outbox.
     */
    private void drainInbox() {
        inbox.noDrainDue(); // items added from now on hand over a drain of their own, though this one may take them
        List<Notification> notifications = new ArrayList<>();
        for (AlertingInbox.Item item = inbox.next(); item != null; item = inbox.next()) {
            if (item instanceof AlertingInbox.FindingsRound round) {
                try {
                    notifications.addAll(lifecycle.onFindings(round.findings(), clock.instant()));
                } catch (RuntimeException e) {
                    LOG.error("Alerting could not take a round of {} findings; continuing with the next",
                            round.findings().size(), e);
                }
            } else if (item instanceof AlertingInbox.SnapshotRequest request) {
                CompletableFuture<byte[]> snapshot = request.snapshot();
                try {
                    route(notifications);
                    notifications.clear();
                    snapshot.complete(AlertingSnapshotCodec.encode(lifecycle.snapshot()));
                } catch (RuntimeException e) {
                    snapshot.completeExceptionally(e);
                }
            }
        }
        route(notifications);
        publishActive();
    }

    private void publishActive() {
        activeAlerts = lifecycle.active();
        activeStates = lifecycle.activeStates(clock.instant());
        metrics.activeAlerts(activeAlerts.size());
    }

    /**
     * Sends to these sinks from now on, switching on the alerting thread; safe from any thread. Alert state is
     * kept. What was not yet delivered to a sink whose name stays goes to its successor; what was owed to a
     * removed sink is logged and dropped. The returned future completes once the switch is done: only then may
     * the caller close the old sinks (closing one may wait for its queue to drain, which must not stall alerting).
     *
     * @throws IllegalArgumentException when two sinks share a name; nothing changes then
     */
    public CompletableFuture<Void> replaceSinks(List<AlertSink> sinks) {
        uniquelyNamed(sinks);
        List<AlertSink> next = List.copyOf(sinks);
        CompletableFuture<Void> switched = new CompletableFuture<>();
        boolean accepted = runOnAlertingThread(() -> {
            try {
                switchTo(next);
                switched.complete(null);
            } catch (RuntimeException e) {
                switched.completeExceptionally(e);
                throw e;
            }
        });
        if (!accepted) {
            switched.completeExceptionally(new IllegalStateException("alerting is stopped"));
        }
        return switched;
    }

    /** The alerts firing now, as of the last round of findings. Safe from any thread. */
    public List<Alert> activeAlerts() {
        return activeAlerts;
    }

    /**
     * The alerts tracked now with their state (pending, firing, suppressed, resolving) and why a muted one is
     * muted, as of the last tick (at most 100 ms old). Safe from any thread.
     */
    public List<ActiveAlert> activeAlertStates() {
        return activeStates;
    }

    /** Stops the alerting thread within a bounded time; notifications not yet delivered are logged, not sent. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Alerting thread did not finish its work within {}; interrupting it", CLOSE_TIMEOUT);
                thread.shutdownNow();
                return;
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        // The thread has terminated, so its state is safe to read here.
        deliveriesByReceiver.values().stream().filter(d -> d.pendingCount() > 0).forEach(d ->
                LOG.warn("Alerting stopped with {} notifications not yet accepted by sink '{}'; the outbox keeps them",
                        d.pendingCount(), d.name()));
        outbox.close();
    }

    /** Hands what the outbox held undelivered at start to the sinks; what no sink is named for any more is dropped. */
    private void resumeOutbox() {
        List<OutboxEntry> undelivered = outbox.pending();
        if (!undelivered.isEmpty()) {
            LOG.info("Delivering {} notifications the outbox held from before the restart", undelivered.size());
        }
        undelivered.forEach(this::deliverOrDrop);
    }

    private void deliverOrDrop(OutboxEntry entry) {
        SinkDelivery delivery = deliveriesByReceiver.get(entry.receiver());
        if (delivery != null) {
            delivery.deliver(entry);
        } else {
            LOG.warn("Dropped notification {} for sink '{}', which is no longer configured", entry.key(), entry.receiver());
            outbox.markDone(entry.key());
        }
    }

    private void switchTo(List<AlertSink> sinks) {
        Map<String, SinkDelivery> previous = new LinkedHashMap<>(deliveriesByReceiver);
        deliveriesByReceiver.clear();
        addDeliveries(sinks);
        lifecycle.replaceReceivers(List.copyOf(deliveriesByReceiver.keySet()));
        previous.forEach((name, old) -> {
            List<OutboxEntry> undelivered = old.retire();
            if (!deliveriesByReceiver.containsKey(name) && !undelivered.isEmpty()) {
                LOG.warn("Sink '{}' was removed by a reload; dropping {} notifications not yet delivered to it",
                        name, undelivered.size());
            }
            undelivered.forEach(this::deliverOrDrop);
        });
    }

    private void addDeliveries(List<AlertSink> sinks) {
        for (AlertSink sink : sinks) {
            deliveriesByReceiver.put(sink.name(), new SinkDelivery(sink, this::runOnAlertingThread, clock, options, metrics,
                    outbox));
        }
    }

    /** @return {@code sinks}, once it is known that no two share a name */
    private static List<AlertSink> uniquelyNamed(List<AlertSink> sinks) {
        Set<String> names = new HashSet<>();
        for (AlertSink sink : sinks) {
            if (!names.add(sink.name())) {
                throw new IllegalArgumentException("two sinks are named '" + sink.name() + "'; sink names must be unique");
            }
        }
        return sinks;
    }

    private void tick() {
        Instant now = clock.instant();
        route(lifecycle.onTick(now));
        activeStates = lifecycle.activeStates(now);
        deliveriesByReceiver.values().forEach(delivery -> delivery.retryDue(now));
        outbox.sync(); // the tick's settlements, in one fsync
    }

    /** Into the outbox first (which drops what it already holds), then to the sinks. */
    private void route(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        List<OutboxEntry> taken = outbox.append(notifications, clock.instant());
        if (taken.size() < notifications.size()) {
            metrics.outboxDuplicatesDropped(notifications.size() - taken.size());
            LOG.info("Dropped {} notifications the outbox already held (a replay after a restart)",
                    notifications.size() - taken.size());
        }
        taken.forEach(this::deliverOrDrop);
    }

    /** Runs a task on the alerting thread; refused quietly (logged, false) once the dispatcher is closed. */
    private boolean runOnAlertingThread(Runnable task) {
        try {
            thread.execute(guarded(task));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("Alerting is stopped; dropped work handed to it after close");
            return false;
        }
    }

    /**
     * A task that throws is logged and the thread goes on: a periodic task that threw would otherwise be
     * cancelled silently and alerting would stop ticking.
     */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Alerting task failed; continuing", e);
            }
        };
    }
}

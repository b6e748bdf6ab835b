package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Alerting's own thread. The correlator hands findings over with {@link #submit}, which never blocks; the
 * {@link AlertLifecycle} runs here, is ticked every 100 ms, and each notification goes to its sink through a
 * {@link SinkDelivery} that retries on its own schedule. Every piece of state is touched by this one thread only;
 * {@link #activeAlerts()} reads an immutable snapshot it publishes.
 */
public final class AlertDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ScheduledExecutorService thread;
    private final InstantSource clock;
    private final AlertingMetrics metrics;
    private final AlertingOptions options;
    private final AlertLifecycle lifecycle;
    private final Map<String, SinkDelivery> deliveriesByReceiver = new LinkedHashMap<>();
    private volatile List<Alert> activeAlerts = List.of();

    /**
     * @param sinks every sink is a receiver, named by {@link AlertSink#name()}; names must be unique
     * @param clock processing time for group waits, repeats and retries ({@link java.time.Clock} is one)
     */
    public AlertDispatcher(AlertingOptions options, List<AlertSink> sinks, InstantSource clock, AlertingMetrics metrics) {
        requireUniqueNames(sinks);
        this.clock = clock;
        this.metrics = metrics;
        this.options = options;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "seismo-alerting");
            t.setDaemon(true);
            return t;
        });
        addDeliveries(sinks);
        this.lifecycle = new AlertLifecycle(options, List.copyOf(deliveriesByReceiver.keySet()), metrics,
                new NotificationLog(NotificationLog.DEFAULT_CAPACITY));
        thread.scheduleWithFixedDelay(guarded(this::tick), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Hands a round of findings to the alerting thread; returns at once. Safe from any thread. */
    public void submit(List<Finding> round) {
        List<Finding> copy = List.copyOf(round);
        runOnAlertingThread(() -> {
            route(lifecycle.onFindings(copy, clock.instant()));
            activeAlerts = lifecycle.active();
            metrics.activeAlerts(activeAlerts.size());
        });
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
        requireUniqueNames(sinks);
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
                LOG.warn("Alerting stopped with {} notifications not yet accepted by sink '{}'", d.pendingCount(), d.name()));
    }

    private void switchTo(List<AlertSink> sinks) {
        Instant now = clock.instant();
        Map<String, SinkDelivery> previous = new LinkedHashMap<>(deliveriesByReceiver);
        deliveriesByReceiver.clear();
        addDeliveries(sinks);
        lifecycle.replaceReceivers(List.copyOf(deliveriesByReceiver.keySet()));
        previous.forEach((name, old) -> {
            List<Notification> undelivered = old.retire();
            SinkDelivery successor = deliveriesByReceiver.get(name);
            if (successor != null) {
                undelivered.forEach(notification -> successor.deliver(notification, now));
            } else if (!undelivered.isEmpty()) {
                LOG.warn("Sink '{}' was removed by a reload; dropped {} notifications not yet delivered to it",
                        name, undelivered.size());
            }
        });
    }

    private void addDeliveries(List<AlertSink> sinks) {
        for (AlertSink sink : sinks) {
            deliveriesByReceiver.put(sink.name(), new SinkDelivery(sink, this::runOnAlertingThread, clock, options, metrics));
        }
    }

    private static void requireUniqueNames(List<AlertSink> sinks) {
        Set<String> names = new HashSet<>();
        for (AlertSink sink : sinks) {
            if (!names.add(sink.name())) {
                throw new IllegalArgumentException("two sinks are named '" + sink.name() + "'; sink names must be unique");
            }
        }
    }

    private void tick() {
        Instant now = clock.instant();
        route(lifecycle.onTick(now));
        deliveriesByReceiver.values().forEach(delivery -> delivery.retryDue(now));
    }

    private void route(List<Notification> notifications) {
        Instant now = clock.instant();
        for (Notification notification : notifications) {
            deliveriesByReceiver.get(notification.receiver()).deliver(notification, now);
        }
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

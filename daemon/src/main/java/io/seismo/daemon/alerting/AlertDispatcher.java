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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final AlertLifecycle lifecycle;
    private final Map<String, SinkDelivery> deliveriesByReceiver = new LinkedHashMap<>();
    private volatile List<Alert> activeAlerts = List.of();

    /**
     * @param sinks every sink is a receiver, named by {@link AlertSink#name()}; names must be unique
     * @param clock processing time for group waits, repeats and retries ({@link java.time.Clock} is one)
     */
    public AlertDispatcher(AlertingOptions options, List<AlertSink> sinks, InstantSource clock, AlertingMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "seismo-alerting");
            t.setDaemon(true);
            return t;
        });
        for (AlertSink sink : sinks) {
            SinkDelivery delivery = new SinkDelivery(sink, this::runOnAlertingThread, clock, options, metrics);
            if (deliveriesByReceiver.putIfAbsent(sink.name(), delivery) != null) {
                thread.shutdownNow();
                throw new IllegalArgumentException("two sinks are named '" + sink.name() + "'; sink names must be unique");
            }
        }
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

    /** Runs a task on the alerting thread; refused quietly (logged) once the dispatcher is closed. */
    private void runOnAlertingThread(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.warn("Alerting is stopped; dropped work handed to it after close");
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

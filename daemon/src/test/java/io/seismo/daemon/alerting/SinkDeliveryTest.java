package io.seismo.daemon.alerting;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The delivery queue of one sink, its alerting thread played by the test (a queue of tasks it runs). */
class SinkDeliveryTest {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock(T0);
    private final Queue<Runnable> alertingThread = new ArrayDeque<>();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final ScriptedSink sink = ScriptedSink.failingThenHealthy("hook", clock, 1, RETRY_AFTER);
    private final SinkDelivery delivery = new SinkDelivery(sink, alertingThread::add, clock,
            AlertingOptions.defaults().withRetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)),
            AlertingMetrics.NOOP, outbox);

    @Test
    void shouldDeliverInOrderTheQueuedNotificationsOfAGroupThatCarryOtherAlerts() {
        Alert checkout = alertOf("checkout");
        Alert gateway = alertOf("gateway");
        OutboxEntry resolvedCheckout = entry("k1", withStatus(checkout, AlertStatus.RESOLVED));
        OutboxEntry firingGateway = entry("k2", gateway);

        delivery.deliver(resolvedCheckout);
        runAlertingThread();
        delivery.deliver(firingGateway); // does not carry checkout: must not swallow its resolve
        clock.advance(RETRY_AFTER);
        delivery.retryDue(clock.current());
        runAlertingThread();

        assertThat(sink.accepted).extracting(n -> n.alerts().get(0).labels().get("service"))
                .containsExactly("checkout", "gateway");
        assertThat(sink.accepted.get(0).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void shouldSupersedeAQueuedNotificationWhoseAlertsANewerOneCarries() {
        Alert checkout = alertOf("checkout");
        delivery.deliver(entry("k1", checkout));
        runAlertingThread();
        delivery.deliver(entry("k2", checkout, alertOf("gateway")));
        clock.advance(RETRY_AFTER);
        delivery.retryDue(clock.current());
        runAlertingThread();

        assertThat(sink.accepted).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(2));
        assertThat(outbox.pending()).isEmpty();
    }

    private void runAlertingThread() {
        for (Runnable task = alertingThread.poll(); task != null; task = alertingThread.poll()) {
            task.run();
        }
    }

    private OutboxEntry entry(String key, Alert... alerts) {
        Notification notification = new Notification(key, "hook", "group", alerts[0].status(),
                Map.of("alertname", alerts[0].ruleName()), List.of(alerts), "");
        return outbox.append(List.of(notification), clock.current()).get(0);
    }

    private static Alert alertOf(String service) {
        return TestNotifications.firingFor("hook", service).get(0).alerts().get(0);
    }

    private static Alert withStatus(Alert alert, AlertStatus status) {
        return new Alert(alert.id(), alert.fingerprint(), status, alert.ruleName(), alert.severity(), alert.startsAt(),
                T0, alert.summary(), alert.description(), alert.labels(), alert.annotations(), alert.sampleMessages(),
                alert.traceIds(), alert.cascade(), alert.suppressed(), alert.values());
    }
}

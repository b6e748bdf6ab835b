package io.seismo.daemon.alerting;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** Alertmanager's group_by, group_wait, group_interval and repeat_interval, on virtual time. */
class AlertLifecycleGroupingTest {
    private static final Duration GROUP_WAIT = Duration.ofSeconds(10);
    private static final Duration GROUP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration REPEAT = Duration.ofHours(1);

    private final AlertLifecycle lifecycle = new AlertLifecycle(AlertingOptions.defaults()
            .withGroupWait(GROUP_WAIT).withRepeatInterval(REPEAT)
            .withGrouping(List.of("alertname"), GROUP_INTERVAL), List.of("hook"));

    @Test
    void shouldSendAlertsArrivingWithinTheGroupWaitAsOneNotification() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        lifecycle.onFindings(List.of(threshold("gateway", true, T0.plusSeconds(4))), T0.plusSeconds(4));

        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).minusMillis(1))).isEmpty();
        Notification sent = single(lifecycle.onTick(T0.plus(GROUP_WAIT)));

        assertThat(sent.groupLabels()).isEqualTo(Map.of("alertname", TestFindings.THRESHOLD_RULE));
        assertThat(services(sent)).containsExactly("checkout", "gateway");
        assertThat(sent.status()).isEqualTo(AlertStatus.FIRING);
    }

    @Test
    void shouldTellALateJoinerOnlyAfterTheGroupInterval() {
        Instant firstSent = firstNotificationOfCheckout();
        Instant joined = firstSent.plusSeconds(5);
        assertThat(lifecycle.onFindings(List.of(threshold("gateway", true, joined)), joined)).isEmpty();

        assertThat(lifecycle.onTick(firstSent.plus(GROUP_INTERVAL).minusMillis(1))).isEmpty();
        Notification sent = single(lifecycle.onTick(firstSent.plus(GROUP_INTERVAL)));

        assertThat(services(sent)).containsExactly("checkout", "gateway");
    }

    @Test
    void shouldCarryAResolveWithTheStillFiringAlertsOfItsGroup() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0), threshold("gateway", true, T0)), T0);
        Instant firstSent = T0.plus(GROUP_WAIT);
        single(lifecycle.onTick(firstSent));
        Instant recovered = firstSent.plusSeconds(30);
        assertThat(lifecycle.onFindings(List.of(threshold("gateway", false, recovered)), recovered)).isEmpty();

        Notification sent = single(lifecycle.onTick(firstSent.plus(GROUP_INTERVAL)));

        assertThat(sent.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(sent.alerts()).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(services(sent)).containsExactly("checkout", "gateway");
    }

    @Test
    void shouldRepeatAnUnchangedGroupOnlyEveryRepeatIntervalAndResolveItWhenAllAlertsResolve() {
        Instant firstSent = firstNotificationOfCheckout();

        assertThat(lifecycle.onTick(firstSent.plus(REPEAT).minusMillis(1))).isEmpty();
        assertThat(single(lifecycle.onTick(firstSent.plus(REPEAT))).alerts()).hasSize(1);
        Instant recovered = firstSent.plus(REPEAT).plusSeconds(90);
        Notification resolved = single(lifecycle.onFindings(List.of(threshold("checkout", false, recovered)), recovered));

        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(lifecycle.onTick(recovered.plus(REPEAT).plus(REPEAT))).as("the group is gone").isEmpty();
    }

    @Test
    void shouldGiveARepeatAnotherOutboxKeyThanTheFirstNotification() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        Instant firstSent = T0.plus(GROUP_WAIT);
        String first = lifecycle.onTick(firstSent).get(0).id();
        String repeat = lifecycle.onTick(firstSent.plus(REPEAT)).get(0).id();

        assertThat(repeat).isNotEqualTo(first);
    }

    private Instant firstNotificationOfCheckout() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        Instant firstSent = T0.plus(GROUP_WAIT);
        assertThat(services(single(lifecycle.onTick(firstSent)))).containsExactly("checkout");
        return firstSent;
    }

    private static Notification single(List<Notification> outgoing) {
        assertThat(outgoing).hasSize(1);
        return outgoing.get(0);
    }

    private static List<String> services(Notification notification) {
        return notification.alerts().stream().map(alert -> alert.labels().get("service")).toList();
    }
}

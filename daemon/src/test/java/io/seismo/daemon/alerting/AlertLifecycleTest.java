package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.cascade;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static io.seismo.daemon.alerting.TestFindings.withPoolSaturated;
import static org.assertj.core.api.Assertions.assertThat;

class AlertLifecycleTest {
    private static final Duration GROUP_WAIT = Duration.ofSeconds(1);
    private static final Duration REPEAT = Duration.ofHours(4);
    private static final List<String> CASCADE_PATH = List.of("payments", "checkout", "gateway");

    private final CountingMetrics metrics = new CountingMetrics();
    private final NotificationLog log = new NotificationLog(NotificationLog.DEFAULT_CAPACITY);
    private final AlertLifecycle lifecycle = lifecycle(List.of("hook"), log);

    @Test
    void shouldNotifyAFiringAlertOnceWhenItsGroupWaitIsOver() {
        assertThat(lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0)).isEmpty();
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).minusMillis(1))).isEmpty();

        List<Notification> sent = lifecycle.onTick(T0.plus(GROUP_WAIT));

        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("hook");
            assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(n.groupKey()).isEqualTo(n.alerts().get(0).fingerprint());
            assertThat(n.externalUrl()).isEqualTo("http://seismo.example:9400");
        });
        Alert alert = sent.get(0).alerts().get(0);
        assertThat(alert.summary()).isEqualTo("checkout: 37 errors in 30s (42% of 88 events)");
        assertThat(alert.description()).contains("errors >= 5 && errorRatio > 0.1", "checkout: upstream timed out",
                "trace-checkout", "Window: 30s");
        assertThat(alert.labels()).containsEntry("severity", "warning").containsEntry("seismo_kind", "threshold")
                .containsEntry("service", "checkout").containsEntry("alertname", "service-errors");
        assertThat(alert.startsAt()).isEqualTo(T0);
        assertThat(alert.endsAt()).isNull();
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).plusSeconds(1))).isEmpty();
    }

    @Test
    void shouldRepeatAFiringAlertOnlyEveryRepeatInterval() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        Instant notifiedAt = T0.plus(GROUP_WAIT);
        String id = lifecycle.onTick(notifiedAt).get(0).alerts().get(0).id();

        assertThat(lifecycle.onTick(notifiedAt.plus(REPEAT).minusMillis(1))).isEmpty();
        assertThat(lifecycle.onTick(notifiedAt.plus(REPEAT)))
                .singleElement().satisfies(n -> assertThat(n.alerts().get(0).id()).isEqualTo(id));
        assertThat(lifecycle.onTick(notifiedAt.plus(REPEAT).plusSeconds(1))).isEmpty();
    }

    @Test
    void shouldSendOneResolveForANotifiedAlert() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        Alert firing = lifecycle.onTick(T0.plus(GROUP_WAIT)).get(0).alerts().get(0);
        Instant recovered = T0.plusSeconds(90);

        List<Notification> resolved = lifecycle.onFindings(List.of(threshold("checkout", false, recovered)), recovered);

        assertThat(resolved).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
            Alert alert = n.alerts().get(0);
            assertThat(alert.id()).isEqualTo(firing.id());
            assertThat(alert.fingerprint()).isEqualTo(firing.fingerprint());
            assertThat(alert.endsAt()).isEqualTo(recovered);
        });
        assertThat(lifecycle.onFindings(List.of(threshold("checkout", false, recovered)), recovered)).isEmpty();
        assertThat(lifecycle.onTick(recovered.plus(REPEAT))).isEmpty();
        assertThat(lifecycle.active()).isEmpty();
    }

    @Test
    void shouldDropSilentlyAnAlertResolvedWithinItsGroupWait() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);

        assertThat(lifecycle.onFindings(List.of(threshold("checkout", false, T0.plusMillis(500))), T0.plusMillis(500)))
                .isEmpty();
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).plusSeconds(1))).isEmpty();
        assertThat(lifecycle.active()).isEmpty();
    }

    @Test
    void shouldSendOneNotificationPerAlertPerReceiver() {
        AlertLifecycle twoReceivers = lifecycle(List.of("hook", "slack"), log);
        twoReceivers.onFindings(List.of(threshold("checkout", true, T0)), T0);

        List<Notification> sent = twoReceivers.onTick(T0.plus(GROUP_WAIT));

        assertThat(sent).extracting(Notification::receiver).containsExactly("hook", "slack");
        assertThat(sent).extracting(Notification::groupKey).containsOnly(sent.get(0).alerts().get(0).fingerprint());
    }

    @Test
    void shouldGiveTheSameIdsAndFingerprintsToTheSameFindings() {
        List<Finding> round = List.of(cascade("payments-db", CASCADE_PATH, true, T0), threshold("auth", true, T0));
        AlertLifecycle other = lifecycle(List.of("hook"), new NotificationLog(10));

        lifecycle.onFindings(round, T0);
        other.onFindings(round, T0.plusSeconds(30)); // processing time differs, event time does not

        assertThat(other.active()).extracting(Alert::id).containsExactlyElementsOf(ids(lifecycle.active()));
        assertThat(other.active()).extracting(Alert::fingerprint)
                .containsExactlyElementsOf(lifecycle.active().stream().map(Alert::fingerprint).toList());
        assertThat(ids(lifecycle.active())).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(16));
    }

    @Test
    void shouldGiveANewIdButTheSameFingerprintToTheNextFiringOfTheSameAlert() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        Alert first = lifecycle.active().get(0);
        lifecycle.onFindings(List.of(threshold("checkout", false, T0.plusSeconds(60))), T0.plusSeconds(60));
        lifecycle.onFindings(List.of(threshold("checkout", true, T0.plusSeconds(120))), T0.plusSeconds(120));

        Alert second = lifecycle.active().get(0);

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void shouldSendOnlyTheCascadeAndListThePerServiceAlertsItSuppressed() {
        List<Finding> round = List.of(cascade("payments-db", CASCADE_PATH, true, T0),
                threshold("checkout", true, T0), threshold("gateway", true, T0), threshold("payments-db", true, T0));

        assertThat(lifecycle.onFindings(round, T0)).isEmpty();
        List<Notification> sent = lifecycle.onTick(T0.plus(GROUP_WAIT));

        assertThat(sent).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.FIRING));
        Alert alert = sent.get(0).alerts().get(0);
        List<String> suppressed = List.of("service-errors{service=\"checkout\"}", "service-errors{service=\"gateway\"}",
                "service-errors{service=\"payments-db\"}");
        assertThat(alert.ruleName()).isEqualTo("service-cascade");
        assertThat(alert.summary()).isEqualTo("Cascade: payments-db is failing and takes down payments, checkout, gateway");
        assertThat(alert.suppressed()).containsExactlyElementsOf(suppressed);
        assertThat(alert.annotations())
                .containsEntry("suppressed", "suppressed 3 per-service alerts: " + String.join(", ", suppressed))
                .containsEntry("root_cause", "payments-db")
                .containsEntry("affected_services", "payments, checkout, gateway");
        assertThat(alert.labels()).containsEntry("severity", "critical").containsEntry("seismo_kind", "cascade");
        assertThat(alert.cascade().rootService()).isEqualTo("payments-db");
        assertThat(alert.cascade().timeline()).extracting(step -> step.service())
                .containsExactly("payments-db", "payments", "checkout", "gateway");
        assertThat(alert.description()).contains("Onset (event time):", "payments-db", "gateway (+3s)",
                "payments-db: connection refused", "trace-a, trace-b", "Window: 30s", "Suppressed 3 per-service alerts");
        assertThat(alert.traceIds()).containsExactly("trace-a", "trace-b");
        assertThat(metrics.count("alertsInhibited")).isEqualTo(3);
        assertThat(lifecycle.active()).hasSize(4);
        assertThat(lifecycle.onTick(T0.plus(REPEAT).minusSeconds(1))).isEmpty();

        Instant healed = T0.plusSeconds(300);
        List<Notification> resolves = lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, false, healed),
                threshold("checkout", false, healed), threshold("gateway", false, healed),
                threshold("payments-db", false, healed)), healed);

        assertThat(resolves).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(n.alerts().get(0).id()).isEqualTo(alert.id());
            assertThat(n.alerts().get(0).suppressed()).containsExactlyElementsOf(suppressed);
        });
        assertThat(lifecycle.onTick(healed.plus(REPEAT))).isEmpty();
        assertThat(lifecycle.active()).isEmpty();
    }

    @Test
    void shouldListAPerServiceAlertThatArrivesAfterTheCascadeWasShown() {
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, T0)), T0);
        assertThat(lifecycle.active()).singleElement().satisfies(alert -> assertThat(alert.suppressed()).isEmpty());

        Instant later = T0.plusMillis(500);
        lifecycle.onFindings(List.of(threshold("checkout", true, later)), later);

        List<String> suppressed = List.of("service-errors{service=\"checkout\"}");
        assertThat(lifecycle.active()).filteredOn(alert -> alert.ruleName().equals("service-cascade")).singleElement()
                .satisfies(alert -> assertThat(alert.suppressed()).containsExactlyElementsOf(suppressed));
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).singleElement()
                .satisfies(n -> assertThat(n.alerts().get(0).suppressed()).containsExactlyElementsOf(suppressed));
    }

    @Test
    void shouldShowTheMetricAnomaliesACascadeCarries() {
        lifecycle.onFindings(List.of(withPoolSaturated(cascade("payments-db", CASCADE_PATH, true, T0))), T0);

        Alert alert = lifecycle.onTick(T0.plus(GROUP_WAIT)).get(0).alerts().get(0);

        String line = "payments-db: db-pool-saturated (db_pool_in_use: max > 45): db_pool_in_use{pool=\"main\"} = 48";
        assertThat(alert.annotations()).containsEntry("metric_anomalies", line);
        assertThat(alert.description()).contains("Metric anomalies at the time:\n  " + line);
    }

    @Test
    void shouldInhibitAPerServiceAlertWhenTheCascadeArrivesWithinItsGroupWait() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, T0.plusMillis(500))), T0.plusMillis(500));

        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).isEmpty();
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).plusMillis(500)))
                .singleElement().satisfies(n -> assertThat(n.alerts().get(0).ruleName()).isEqualTo("service-cascade"));
    }

    @Test
    void shouldStillResolveAPerServiceAlertNotifiedBeforeTheCascadeArrived() {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        Alert early = lifecycle.onTick(T0.plus(GROUP_WAIT)).get(0).alerts().get(0);
        Instant cascadeAt = T0.plusSeconds(10);
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, cascadeAt)), cascadeAt);

        assertThat(lifecycle.onTick(cascadeAt.plus(GROUP_WAIT)))
                .singleElement().satisfies(n -> assertThat(n.alerts().get(0).ruleName()).isEqualTo("service-cascade"));
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).plus(REPEAT))).as("no repeat while inhibited").isEmpty();

        Instant recovered = cascadeAt.plusSeconds(60);
        assertThat(lifecycle.onFindings(List.of(threshold("checkout", false, recovered)), recovered))
                .singleElement().satisfies(n -> {
                    assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
                    assertThat(n.alerts().get(0).id()).isEqualTo(early.id());
                });
    }

    @Test
    void shouldReleaseStillFiringPerServiceAlertsAfterAFreshGroupWaitWhenTheCascadeResolves() {
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, T0), threshold("checkout", true, T0)), T0);
        lifecycle.onTick(T0.plus(GROUP_WAIT));
        Instant healed = T0.plusSeconds(60);

        assertThat(lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, false, healed)), healed))
                .singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED));
        assertThat(lifecycle.onTick(healed.plus(GROUP_WAIT).minusMillis(1))).isEmpty();
        assertThat(lifecycle.onTick(healed.plus(GROUP_WAIT))).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(n.alerts().get(0).labels()).containsEntry("service", "checkout");
        });
    }

    @Test
    void shouldNotInhibitAlertsOfServicesOutsideTheCascade() {
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, T0), threshold("auth", true, T0)), T0);

        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(2)
                .extracting(n -> n.alerts().get(0).ruleName()).containsExactly("service-cascade", "service-errors");
    }

    @Test
    void shouldSendACascadeWhoseAffectedSetGrewDuringItsGroupWaitOnceWithTheFullSet() {
        lifecycle.onFindings(List.of(cascade("payments-db", List.of("payments"), true, T0)), T0);
        Instant grew = T0.plusMillis(600);
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, grew)), grew);

        List<Notification> sent = lifecycle.onTick(T0.plus(GROUP_WAIT));

        assertThat(sent).singleElement().satisfies(n -> {
            Alert alert = n.alerts().get(0);
            assertThat(alert.cascade().affectedServices()).containsExactlyElementsOf(CASCADE_PATH);
            assertThat(alert.startsAt()).isEqualTo(T0);
        });
        assertThat(lifecycle.onTick(grew.plus(GROUP_WAIT))).isEmpty();
    }

    @Test
    void shouldResolveACascadeNamingEveryCallerItTookDownEvenThoseThatRecoveredFirst() {
        lifecycle.onFindings(List.of(cascade("payments-db", CASCADE_PATH, true, T0)), T0);
        lifecycle.onTick(T0.plus(GROUP_WAIT));
        Instant shrank = T0.plusSeconds(20);
        lifecycle.onFindings(List.of(cascade("payments-db", List.of("payments"), true, shrank)), shrank);
        Instant healed = T0.plusSeconds(30);

        List<Notification> sent = lifecycle.onFindings(List.of(cascade("payments-db", List.of("payments"), false, healed)), healed);

        assertThat(sent).singleElement().satisfies(n -> {
            Alert alert = n.alerts().get(0);
            assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(alert.cascade().affectedServices()).containsExactlyElementsOf(CASCADE_PATH);
        });
    }

    @Test
    void shouldSkipAndCountFindingsItCannotUse() {
        Finding good = threshold("checkout", true, T0);
        Finding cascadeWithoutDetail = new Finding("broken", FindingKind.CASCADE, "k", true, Severity.CRITICAL,
                0, 0, 0, Map.of(), Map.of(), "", null, null);
        Finding noSeverity = new Finding("broken", FindingKind.THRESHOLD, "k", true, null,
                0, 0, 0, Map.of(), Map.of(), "", null, null);

        lifecycle.onFindings(Arrays.asList(cascadeWithoutDetail, null, noSeverity, good), T0);

        assertThat(metrics.count("findingsRejected")).isEqualTo(3);
        assertThat(metrics.count("findingsReceived:THRESHOLD")).isEqualTo(1);
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(1);
    }

    @Test
    void shouldNotNotifyAgainWhenTheSameFindingsAreReplayedWithTheSameLog() {
        Instant recovered = T0.plusSeconds(60);
        Finding firing = threshold("checkout", true, T0);
        Finding resolved = threshold("checkout", false, recovered);
        lifecycle.onFindings(List.of(firing), T0);
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(1);
        assertThat(lifecycle.onFindings(List.of(resolved), recovered)).hasSize(1);

        AlertLifecycle afterRestart = lifecycle(List.of("hook"), new NotificationLog(100, log.entries()));
        Instant replayedAt = recovered.plusSeconds(5);

        assertThat(afterRestart.onFindings(List.of(firing), replayedAt)).isEmpty();
        assertThat(afterRestart.onTick(replayedAt.plus(GROUP_WAIT))).isEmpty();
        assertThat(afterRestart.onFindings(List.of(resolved), replayedAt.plus(GROUP_WAIT))).isEmpty();
    }

    private AlertLifecycle lifecycle(List<String> receivers, NotificationLog notificationLog) {
        AlertingOptions options = AlertingOptions.defaults().withGroupWait(GROUP_WAIT).withRepeatInterval(REPEAT)
                .withExternalUrl("http://seismo.example:9400");
        return new AlertLifecycle(options, receivers, metrics, notificationLog);
    }

    /** The notifications, without their outbox keys (which have their own tests). */

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }
}

package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import io.seismo.rules.finding.Finding;
import io.seismo.sink.AlertStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.cascade;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code for}, {@code resolveAfter}, {@code sendResolvedWhenMuted} and the outbox keys, on virtual time. */
class AlertLifecycleHysteresisTest {
    private static final Duration GROUP_WAIT = Duration.ofSeconds(1);
    private static final Duration PENDING_FOR = Duration.ofSeconds(30);
    private static final Duration RESOLVE_AFTER = Duration.ofSeconds(20);

    @Test
    void shouldKeepAnAlertPendingAndSilentUntilItHasFiredForItsDuration() {
        AlertLifecycle lifecycle = lifecycle(PENDING_FOR, Duration.ZERO, false);
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);

        assertThat(lifecycle.onTick(T0.plus(PENDING_FOR))).as("pending, then the group wait").isEmpty();
        assertThat(lifecycle.onTick(T0.plus(PENDING_FOR).plus(GROUP_WAIT))).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.FIRING));
    }

    @Test
    void shouldDropSilentlyAnAlertThatResolvesWhilePending() {
        AlertLifecycle lifecycle = lifecycle(PENDING_FOR, Duration.ZERO, false);
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);

        assertThat(lifecycle.onFindings(List.of(threshold("checkout", false, T0.plusSeconds(10))), T0.plusSeconds(10)))
                .isEmpty();
        assertThat(lifecycle.onTick(T0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(lifecycle.active()).isEmpty();
    }

    @Test
    void shouldTakeTheForDurationFromTheRuleLabelOverTheOption() {
        AlertLifecycle lifecycle = lifecycle(Duration.ZERO, Duration.ZERO, false);
        Finding labelled = withLabel(threshold("checkout", true, T0), "for", "2m");
        lifecycle.onFindings(List.of(labelled), T0);

        assertThat(lifecycle.onTick(T0.plus(Duration.ofMinutes(2)))).isEmpty();
        assertThat(lifecycle.onTick(T0.plus(Duration.ofMinutes(2)).plus(GROUP_WAIT))).hasSize(1);
    }

    @Test
    void shouldNotResolveAnAlertThatFiresAgainWithinResolveAfter() {
        AlertLifecycle lifecycle = notifiedAlert(lifecycle(Duration.ZERO, RESOLVE_AFTER, false));
        Instant cleared = T0.plusSeconds(60);

        assertThat(lifecycle.onFindings(List.of(threshold("checkout", false, cleared)), cleared)).isEmpty();
        assertThat(lifecycle.onTick(cleared.plus(RESOLVE_AFTER).minusMillis(1))).isEmpty();
        lifecycle.onFindings(List.of(threshold("checkout", true, cleared.plusSeconds(5))), cleared.plusSeconds(5));

        assertThat(lifecycle.onTick(cleared.plus(RESOLVE_AFTER).plusSeconds(1))).as("flapped, never resolved").isEmpty();
        assertThat(lifecycle.active()).hasSize(1);
    }

    @Test
    void shouldResolveOnceTheConditionStayedFalseForResolveAfter() {
        AlertLifecycle lifecycle = notifiedAlert(lifecycle(Duration.ZERO, RESOLVE_AFTER, false));
        Instant cleared = T0.plusSeconds(60);
        lifecycle.onFindings(List.of(threshold("checkout", false, cleared)), cleared);

        List<Notification> sent = lifecycle.onTick(cleared.plus(RESOLVE_AFTER));

        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(n.alerts().get(0).endsAt()).as("when it really ended").isEqualTo(cleared);
        });
        assertThat(lifecycle.active()).isEmpty();
    }

    @Test
    void shouldDeliverTheResolveOfAMutedAlertOnlyWhenConfigured() {
        for (boolean sendResolvedWhenMuted : new boolean[]{false, true}) {
            AlertLifecycle lifecycle = lifecycle(Duration.ZERO, Duration.ZERO, sendResolvedWhenMuted);
            lifecycle.onFindings(List.of(cascade("payments", List.of("checkout"), true, T0),
                    threshold("checkout", true, T0)), T0);
            assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).extracting(n -> n.alerts().get(0).ruleName())
                    .containsExactly(TestFindings.CASCADE_RULE);

            Instant recovered = T0.plusSeconds(60);
            List<Notification> sent = lifecycle.onFindings(List.of(threshold("checkout", false, recovered)),
                    recovered);

            assertThat(sent).as("sendResolvedWhenMuted=%s", sendResolvedWhenMuted)
                    .hasSize(sendResolvedWhenMuted ? 1 : 0);
        }
    }

    @Test
    void shouldKeyEachNotificationByReceiverAlertStatusAndRepeat() {
        AlertLifecycle lifecycle = new AlertLifecycle(options(Duration.ZERO, Duration.ZERO, false)
                .withRepeatInterval(Duration.ofMinutes(10)), List.of("a", "b"));
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        List<Notification> first = lifecycle.onTick(T0.plus(GROUP_WAIT));
        List<Notification> repeat = lifecycle.onTick(T0.plus(GROUP_WAIT).plus(Duration.ofMinutes(10)));
        Instant cleared = T0.plus(Duration.ofMinutes(15));
        List<Notification> resolve = lifecycle.onFindings(List.of(threshold("checkout", false, cleared)), cleared);

        List<String> keys = new ArrayList<>();
        List.of(first, repeat, resolve).forEach(batch -> batch.forEach(n -> keys.add(n.id())));
        assertThat(keys).hasSize(6).doesNotHaveDuplicates();
        assertThat(TestNotifications.firingFor("a", "checkout").get(0).id())
                .as("the same finding gives the same key in another lifecycle").isEqualTo(first.get(0).id());
    }

    private static AlertLifecycle notifiedAlert(AlertLifecycle lifecycle) {
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(1);
        return lifecycle;
    }

    private static AlertLifecycle lifecycle(Duration pendingFor, Duration resolveAfter, boolean sendResolvedWhenMuted) {
        return new AlertLifecycle(options(pendingFor, resolveAfter, sendResolvedWhenMuted), List.of("hook"));
    }

    private static AlertingOptions options(Duration pendingFor, Duration resolveAfter, boolean sendResolvedWhenMuted) {
        return AlertingOptions.defaults().withGroupWait(GROUP_WAIT)
                .withHysteresis(pendingFor, resolveAfter, sendResolvedWhenMuted);
    }

    private static Finding withLabel(Finding finding, String name, String value) {
        Map<String, String> labels = new HashMap<>(finding.labels());
        labels.put(name, value);
        return new Finding(finding.ruleName(), finding.kind(), finding.key(), finding.firing(), finding.severity(),
                finding.atNanos(), finding.windowStartNanos(), finding.windowEndNanos(), labels, finding.values(),
                finding.condition(), finding.evidence(), finding.cascade());
    }
}

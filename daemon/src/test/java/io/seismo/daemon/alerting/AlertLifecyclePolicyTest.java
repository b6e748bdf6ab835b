package io.seismo.daemon.alerting;

import io.seismo.daemon.config.AlertingConfig;
import io.seismo.daemon.config.InhibitRuleConfig;
import io.seismo.daemon.config.ReceiverConfig;
import io.seismo.daemon.config.RouteConfig;
import io.seismo.daemon.route.RateLimit;
import io.seismo.daemon.silence.Silence;
import io.seismo.daemon.silence.SilenceDraft;
import io.seismo.daemon.silence.SilenceStore;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** Routes, receivers, rate limits, inhibit rules and silences, built from config as the daemon builds them. */
class AlertLifecyclePolicyTest {
    private static final List<String> SINKS = List.of("slack", "pager", "mail");
    private static final Duration GROUP_WAIT = Duration.ofSeconds(1);

    @Test
    void shouldRouteByLabelsToTheSinksOfEachMatchedReceiver() {
        RouteConfig checkout = new RouteConfig("oncall", List.of("service=\"checkout\""), null, null, null, null,
                true, List.of());
        RouteConfig everything = new RouteConfig("mail", List.of(), null, null, null, null, false, List.of());
        AlertLifecycle lifecycle = lifecycle(config(new RouteConfig("slack", List.of(), null, GROUP_WAIT, null, null,
                false, List.of(checkout, everything)), List.of()), AlertSilencer.NONE);

        lifecycle.onFindings(List.of(threshold("checkout", true, T0), threshold("auth", true, T0)), T0);
        List<Notification> sent = lifecycle.onTick(T0.plus(GROUP_WAIT));

        assertThat(sent).extracting(n -> n.receiver() + ":" + n.alerts().get(0).labels().get("service"))
                .containsExactlyInAnyOrder("slack:checkout", "pager:checkout", "mail:checkout", "mail:auth");
    }

    @Test
    void shouldHoldBackWhatARateLimitedReceiverCannotTakeYetAndSendItLater() {
        ReceiverConfig limited = new ReceiverConfig("limited", List.of("slack"), new RateLimit(1, Duration.ofMinutes(1)));
        AlertingConfig config = new AlertingConfig(GROUP_WAIT, Duration.ofHours(4), Duration.ofHours(24), Duration.ZERO,
                Duration.ZERO, false, List.of("..."), Duration.ZERO,
                new RouteConfig("limited", List.of(), null, null, null, null, false, List.of()), List.of(limited), List.of());
        CountingMetrics metrics = new CountingMetrics();
        AlertLifecycle lifecycle = new AlertLifecycle(AlertingOptions.from(config, ""), SINKS,
                AlertPolicies.fromConfig(config, FakeMatchers::parse, AlertSilencer.NONE), metrics, new NotificationLog(100));

        lifecycle.onFindings(List.of(threshold("checkout", true, T0), threshold("auth", true, T0)), T0);

        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(1);
        assertThat(metrics.count("notificationsRateLimited:limited")).isEqualTo(1);
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).plusSeconds(59))).isEmpty();
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT).plusSeconds(60))).hasSize(1);
    }

    @Test
    void shouldMuteTheTargetOfAnInhibitRuleWithEqualLabelsAndSayWhy() {
        InhibitRuleConfig rule = new InhibitRuleConfig(List.of("service=\"db\""), List.of("service!=\"db\""),
                List.of("alertname"));
        AlertLifecycle lifecycle = lifecycle(config(null, List.of(rule)), AlertSilencer.NONE);

        lifecycle.onFindings(List.of(threshold("db", true, T0), threshold("checkout", true, T0)), T0);
        List<Notification> sent = lifecycle.onTick(T0.plus(GROUP_WAIT));

        assertThat(sent).extracting(n -> n.alerts().get(0).labels().get("service")).containsOnly("db");
        assertThat(lifecycle.activeStates(T0.plus(GROUP_WAIT)))
                .filteredOn(a -> "checkout".equals(a.alert().labels().get("service")))
                .singleElement().satisfies(a -> {
                    assertThat(a.state()).isEqualTo(ActiveAlert.State.SUPPRESSED);
                    assertThat(a.suppressedBy()).isEqualTo("inhibitRule:0");
                });
    }

    @Test
    void shouldNeverSwallowTheResolveOfAnAnnouncedAlertThatASilenceMutedLater() {
        boolean[] silenced = {false};
        AlertSilencer silencer = (labels, now) -> silenced[0] ? Optional.of("s-1") : Optional.empty();
        AlertLifecycle lifecycle = lifecycle(config(null, List.of()), silencer);
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);
        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(SINKS.size());

        silenced[0] = true;
        Instant later = T0.plusSeconds(30);
        assertThat(lifecycle.onTick(later)).isEmpty();
        assertThat(lifecycle.activeStates(later)).singleElement()
                .satisfies(a -> assertThat(a.suppressedBy()).isEqualTo("silence:s-1"));
        Instant recovered = T0.plusSeconds(60);
        List<Notification> resolves = lifecycle.onFindings(List.of(threshold("checkout", false, recovered)), recovered);

        assertThat(resolves).hasSize(SINKS.size()).allSatisfy(n -> assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED));
    }

    @Test
    void shouldTakeASilenceStoreThatFailsAsSilencingNothing() {
        AlertLifecycle lifecycle = lifecycle(config(null, List.of()), (labels, now) -> {
            throw new IllegalStateException("store is broken");
        });
        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);

        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(SINKS.size());
    }

    @Test
    void shouldHoldBackAnAlertAStoredSilenceCoversAndSendItOnceTheSilenceIsOver(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(T0);
        SilenceStore silences = SilenceStore.open(dir.resolve("silences.json"), clock, () -> { });
        Silence silence = silences.add(new SilenceDraft(List.of("service=\"checkout\""), null,
                T0.plus(Duration.ofMinutes(10)), "alice", "deploy"));
        AlertLifecycle lifecycle = lifecycle(config(null, List.of()), (labels, now) -> silences.silencing(labels, now).map(Silence::id));

        lifecycle.onFindings(List.of(threshold("checkout", true, T0), threshold("auth", true, T0)), T0);
        List<Notification> first = lifecycle.onTick(T0.plus(GROUP_WAIT));

        assertThat(first).extracting(n -> n.alerts().get(0).labels().get("service")).containsOnly("auth");
        assertThat(lifecycle.activeStates(T0.plus(GROUP_WAIT)))
                .filteredOn(a -> "checkout".equals(a.alert().labels().get("service")))
                .singleElement().satisfies(a -> assertThat(a.suppressedBy()).isEqualTo("silence:" + silence.id()));
        assertThat(lifecycle.onTick(T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isEmpty();
        // Once the silence is over the alert joins a group, which waits its group wait as a new one does.
        assertThat(lifecycle.onTick(T0.plus(Duration.ofMinutes(10)))).isEmpty();

        List<Notification> afterSilence = lifecycle.onTick(T0.plus(Duration.ofMinutes(10)).plus(GROUP_WAIT));

        assertThat(afterSilence).isNotEmpty().allSatisfy(n -> {
            assertThat(n.alerts().get(0).labels()).containsEntry("service", "checkout");
            assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
        });
    }

    @Test
    void shouldNotMuteWithASilenceThatHasNotStartedYet(@TempDir Path dir) throws Exception {
        SilenceStore silences = SilenceStore.open(dir.resolve("silences.json"), new ManualClock(T0), () -> { });
        silences.add(new SilenceDraft(List.of("service=\"checkout\""), T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(2)), "alice", "maintenance window"));
        AlertLifecycle lifecycle = lifecycle(config(null, List.of()), (labels, now) -> silences.silencing(labels, now).map(Silence::id));

        lifecycle.onFindings(List.of(threshold("checkout", true, T0)), T0);

        assertThat(lifecycle.onTick(T0.plus(GROUP_WAIT))).hasSize(SINKS.size());
    }

    private static AlertLifecycle lifecycle(AlertingConfig config, AlertSilencer silencer) {
        return new AlertLifecycle(AlertingOptions.from(config, ""), SINKS,
                AlertPolicies.fromConfig(config, FakeMatchers::parse, silencer), AlertingMetrics.NOOP,
                new NotificationLog(100));
    }

    private static AlertingConfig config(RouteConfig route, List<InhibitRuleConfig> rules) {
        return new AlertingConfig(GROUP_WAIT, Duration.ofHours(4), Duration.ofHours(24), Duration.ZERO, Duration.ZERO,
                false, List.of("..."), Duration.ZERO, route,
                List.of(new ReceiverConfig("oncall", List.of("slack", "pager"), null)), rules);
    }

}

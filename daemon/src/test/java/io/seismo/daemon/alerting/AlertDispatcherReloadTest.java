package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Sinks replaced by a reload while alerts are firing and notifications are owed. */
class AlertDispatcherReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AlertingOptions OPTIONS = AlertingOptions.defaults().withGroupWait(Duration.ZERO);

    private final ManualClock clock = new ManualClock(T0);
    private final CountingMetrics metrics = new CountingMetrics();
    private AlertDispatcher dispatcher;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void shouldHandWhatASinkStillOwesToTheNewSinkOfTheSameName() throws Exception {
        ScriptedSink down = ScriptedSink.alwaysFailing("oncall", clock, true, Duration.ofHours(1));
        dispatcher = new AlertDispatcher(OPTIONS, List.of(down), clock, metrics);
        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> metrics.count("deliveryFailures:oncall") == 1);

        ScriptedSink fixed = ScriptedSink.healthy("oncall", clock);
        dispatcher.replaceSinks(List.of(fixed)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> fixed.accepted.size() == 1);
        assertThat(dispatcher.activeAlerts()).hasSize(1);
        assertThat(fixed.accepted.get(0).groupKey()).isEqualTo(dispatcher.activeAlerts().get(0).fingerprint());
    }

    @Test
    void shouldSendLaterAlertsOnlyToTheSinksOfTheReload() throws Exception {
        ScriptedSink removed = ScriptedSink.healthy("old", clock);
        dispatcher = new AlertDispatcher(OPTIONS, List.of(removed), clock, metrics);
        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> removed.accepted.size() == 1);

        ScriptedSink added = ScriptedSink.healthy("new", clock);
        dispatcher.replaceSinks(List.of(added)).get(10, TimeUnit.SECONDS);
        dispatcher.submit(List.of(threshold("payments", true, T0.plusSeconds(1))));

        await().atMost(WAIT).until(() -> added.accepted.size() == 1);
        assertThat(added.accepted).extracting(Notification::receiver).containsExactly("new");
        assertThat(removed.attemptTimes).hasSize(1);
        assertThat(dispatcher.activeAlerts()).as("alert state survives the switch").hasSize(2);
    }

    @Test
    void shouldRefuseSinksThatShareANameAndKeepTheRunningOnes() {
        ScriptedSink running = ScriptedSink.healthy("oncall", clock);
        dispatcher = new AlertDispatcher(OPTIONS, List.of(running), clock, metrics);

        assertThatThrownBy(() -> dispatcher.replaceSinks(List.of(ScriptedSink.healthy("x", clock), ScriptedSink.healthy("x", clock))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> running.accepted.size() == 1);
    }
}

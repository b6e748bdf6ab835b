package io.seismo.daemon.alerting;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AlertDispatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    /** Retries start at 1 s (at most 1 s with jitter), so a 10 s Retry-After is what decides every delay here. */
    private static final AlertingOptions OPTIONS = AlertingOptions.defaults()
            .withGroupWait(Duration.ZERO)
            .withRetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
            .withGiveUpAfter(Duration.ofSeconds(30));

    private final ManualClock clock = new ManualClock(T0);
    private final CountingMetrics metrics = new CountingMetrics();
    private final List<AlertDispatcher> started = new ArrayList<>();

    @AfterEach
    void closeDispatchers() {
        started.forEach(AlertDispatcher::close);
    }

    @Test
    void shouldDeliverToAHealthySinkAtOnceAndToARecoveringSinkExactlyOnceHonouringRetryAfter() {
        ScriptedSink healthy = ScriptedSink.healthy("healthy", clock);
        ScriptedSink flaky = ScriptedSink.failingThenHealthy("flaky", clock, 3, RETRY_AFTER);
        AlertDispatcher dispatcher = start(List.of(flaky, healthy));

        dispatcher.submit(List.of(threshold("checkout", true, T0)));

        await().atMost(WAIT).until(() -> healthy.accepted.size() == 1 && failuresOf("flaky") == 1);
        assertThat(healthy.accepted.get(0).status()).isEqualTo(AlertStatus.FIRING);

        clock.advance(RETRY_AFTER.minusMillis(100));
        awaitTicksWithTheNewTime();
        assertThat(flaky.attemptTimes).as("no retry before Retry-After").hasSize(1);

        clock.advance(Duration.ofMillis(100));
        for (int attempt = 2; attempt <= 4; attempt++) {
            int expected = attempt;
            await().atMost(WAIT).until(() -> flaky.attemptTimes.size() == expected);
            if (attempt < 4) {
                // the failure is settled (and its retry time taken from the clock) before time moves on
                await().atMost(WAIT).until(() -> failuresOf("flaky") == expected);
                clock.advance(RETRY_AFTER);
            }
        }
        await().atMost(WAIT).until(() -> flaky.accepted.size() == 1);
        awaitTicksWithTheNewTime();

        assertThat(flaky.attemptTimes).containsExactly(T0, T0.plus(RETRY_AFTER), T0.plus(RETRY_AFTER.multipliedBy(2)),
                T0.plus(RETRY_AFTER.multipliedBy(3)));
        assertThat(flaky.accepted).hasSize(1);
        assertThat(healthy.accepted).hasSize(1);
        assertThat(healthy.attemptTimes).hasSize(1);
        assertThat(metrics.count("deliveryFailures:flaky")).isEqualTo(3);
        assertThat(metrics.count("notificationsSent:flaky:FIRING")).isEqualTo(1);
        assertThat(metrics.count("notificationsSent:healthy:FIRING")).isEqualTo(1);
    }

    @Test
    void shouldSendOnlyTheNewestStateOfAnAlertWhenASinkComesBack() {
        ScriptedSink flaky = ScriptedSink.failingThenHealthy("flaky", clock, 1, RETRY_AFTER);
        AlertDispatcher dispatcher = start(List.of(flaky));
        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> failuresOf("flaky") == 1);

        dispatcher.submit(List.of(threshold("checkout", false, T0.plusSeconds(5))));
        await().atMost(WAIT).until(() -> dispatcher.activeAlerts().isEmpty());
        awaitTicksWithTheNewTime();
        assertThat(flaky.attemptTimes).as("the resolve waits for the sink's Retry-After too").hasSize(1);
        clock.advance(RETRY_AFTER);

        await().atMost(WAIT).until(() -> flaky.accepted.size() == 1);
        assertThat(flaky.accepted.get(0).status()).as("the older firing message must not overtake the resolve")
                .isEqualTo(AlertStatus.RESOLVED);
        awaitTicksWithTheNewTime();
        assertThat(flaky.attemptTimes).hasSize(2);
    }

    @Test
    void shouldDropAndCountANotificationTheSinkRefusesForGood() {
        ScriptedSink refusing = ScriptedSink.alwaysFailing("refusing", clock, false, null);
        start(List.of(refusing)).submit(List.of(threshold("checkout", true, T0)));

        await().atMost(WAIT).until(() -> metrics.count("deliveryRejected:refusing") == 1);
        clock.advance(Duration.ofMinutes(10));
        awaitTicksWithTheNewTime();

        assertThat(refusing.attemptTimes).hasSize(1);
        assertThat(metrics.count("deliveryFailures:refusing")).isEqualTo(1);
    }

    @Test
    void shouldGiveUpOnANotificationThatKeepsFailingPastGiveUpAfter() {
        ScriptedSink down = ScriptedSink.alwaysFailing("down", clock, true, RETRY_AFTER);
        start(List.of(down)).submit(List.of(threshold("checkout", true, T0)));

        for (int attempt = 1; attempt <= 4; attempt++) {
            int expected = attempt;
            await().atMost(WAIT).until(() -> down.attemptTimes.size() == expected && failuresOf("down") == expected);
            clock.advance(RETRY_AFTER);
        }
        await().atMost(WAIT).until(() -> metrics.count("deliveryGiveUps:down") == 1);
        clock.advance(Duration.ofMinutes(10));
        awaitTicksWithTheNewTime();

        assertThat(down.attemptTimes).as("attempts at 0, 10, 20 and 30 s, then given up").hasSize(4);
    }

    @Test
    void shouldKeepDeliveringWhileASinkNeverAnswersAndStillCloseInBoundedTime() {
        ScriptedSink silent = ScriptedSink.silent("silent", clock);
        ScriptedSink healthy = ScriptedSink.healthy("healthy", clock);
        AlertDispatcher dispatcher = start(List.of(silent, healthy));

        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        dispatcher.submit(List.of(threshold("gateway", true, T0)));

        await().atMost(WAIT).until(() -> healthy.accepted.size() == 2);
        await().atMost(WAIT).until(() -> dispatcher.activeAlerts().size() == 2);
        assertThat(metrics.active()).isEqualTo(2);
        assertThat(silent.attemptTimes).hasSize(2);
        assertTimeoutPreemptively(WAIT, dispatcher::close);
        dispatcher.submit(List.of(threshold("auth", true, T0))); // after close: dropped with a log line, no exception
    }

    @Test
    void shouldRefuseTwoSinksWithTheSameName() {
        List<AlertSink> twins = List.of(ScriptedSink.healthy("hook", clock), ScriptedSink.healthy("hook", clock));

        assertThatThrownBy(() -> new AlertDispatcher(OPTIONS, twins, clock, metrics))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hook'");
    }

    private int failuresOf(String sink) {
        return metrics.count("deliveryFailures:" + sink);
    }

    private AlertDispatcher start(List<AlertSink> sinks) {
        AlertDispatcher dispatcher = new AlertDispatcher(OPTIONS, sinks, clock, metrics);
        started.add(dispatcher);
        return dispatcher;
    }

    /**
     * Waits until the alerting thread has completed at least one tick that saw the current time. Each tick reads
     * the clock at least once, so six reads after the change span several whole ticks.
     */
    private void awaitTicksWithTheNewTime() {
        long readsBefore = clock.reads();
        await().atMost(WAIT).until(() -> clock.reads() >= readsBefore + 6);
    }
}

package io.seismo.daemon.alerting;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A restart is closing a dispatcher and starting another on the same data directory, restored from a snapshot. */
class AlertDispatcherDurabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AlertingOptions OPTIONS = AlertingOptions.defaults().withGroupWait(Duration.ZERO);

    private final ManualClock clock = new ManualClock(T0);
    private final CountingMetrics metrics = new CountingMetrics();
    private final List<AlertDispatcher> started = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void closeDispatchers() {
        started.forEach(AlertDispatcher::close);
    }

    @Test
    void shouldDeliverAfterARestartWhatASinkHadNotTakenAndNotResendWhatTheOtherHad() throws Exception {
        ScriptedSink healthy = ScriptedSink.healthy("healthy", clock);
        ScriptedSink down = ScriptedSink.silent("down", clock);
        AlertDispatcher before = start(List.of(healthy, down));
        before.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> healthy.accepted.size() == 1 && down.attemptTimes.size() == 1);
        byte[] checkpoint = before.snapshotAfterQueued().get(10, TimeUnit.SECONDS);
        before.close();

        ScriptedSink healthyAgain = ScriptedSink.healthy("healthy", clock);
        ScriptedSink backUp = ScriptedSink.healthy("down", clock);
        AlertDispatcher after = start(List.of(healthyAgain, backUp));
        after.restore(checkpoint);
        after.submit(List.of(threshold("checkout", true, T0))); // the journal replays the same finding

        await().atMost(WAIT).until(() -> backUp.accepted.size() == 1);
        after.snapshotAfterQueued().get(10, TimeUnit.SECONDS); // the replayed finding has been processed
        assertThat(backUp.accepted.get(0).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(backUp.accepted.get(0).alerts().get(0).id()).isEqualTo(healthy.accepted.get(0).alerts().get(0).id());
        assertThat(healthyAgain.attemptTimes).as("already delivered before the restart").isEmpty();
        assertThat(after.activeAlerts()).hasSize(1);
    }

    @Test
    void shouldSyncTheSettlementsOfARoundsDeliveriesTogetherOnATick() {
        ScriptedSink sink = ScriptedSink.healthy("hook", clock);
        start(List.of(sink)).submit(List.of(threshold("checkout", true, T0), threshold("payments", true, T0),
                threshold("search", true, T0)));
        await().atMost(WAIT).until(() -> sink.accepted.size() == 3);

        // One sync at open (the outbox is rewritten), one for the round's three notifications, and one on a tick for
        // their three settlements: two if a tick fell between them. A sync for each settlement would make five.
        await().atMost(WAIT).until(() -> metrics.count("outboxSyncs") >= 3);
        await().during(Duration.ofMillis(350)).atMost(WAIT).until(() -> metrics.count("outboxSyncs") <= 4);
    }

    @Test
    void shouldPutTheRoundsThatQueuedWhileAlertingWasBusyInTheOutboxWithOneSync() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ScriptedSink sink = ScriptedSink.holdingFirstSendUntil("hook", clock, gate);
        AlertDispatcher dispatcher = start(List.of(sink));
        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> sink.attemptTimes.size() == 1); // the alerting thread is held in that send
        List<String> queuedServices = List.of("payments", "search", "cart", "ledger", "profile");
        queuedServices.forEach(service -> dispatcher.submit(List.of(threshold(service, true, T0))));
        CompletableFuture<byte[]> snapshot = dispatcher.snapshotAfterQueued();
        int syncsBeforeRelease = metrics.count("outboxSyncs");

        gate.countDown();

        await().atMost(WAIT).until(() -> sink.accepted.size() == 1 + queuedServices.size());
        assertThat(snapshot.get(10, TimeUnit.SECONDS)).isNotEmpty();
        // Their five notifications in one sync, their settlements (and the first one's) in one or two ticks' syncs:
        // a sync for each round would make at least five.
        await().during(Duration.ofMillis(350)).atMost(WAIT)
                .until(() -> metrics.count("outboxSyncs") - syncsBeforeRelease <= 3);
        assertThat(dispatcher.activeAlerts()).hasSize(1 + queuedServices.size());
    }

    @Test
    void shouldDropWhatAReplayFromAnOlderCheckpointProducesAgain() throws Exception {
        ScriptedSink sink = ScriptedSink.healthy("hook", clock);
        AlertDispatcher before = start(List.of(sink));
        byte[] olderCheckpoint = before.snapshotAfterQueued().get(10, TimeUnit.SECONDS);
        before.submit(List.of(threshold("checkout", true, T0)));
        await().atMost(WAIT).until(() -> sink.accepted.size() == 1);
        before.close();

        ScriptedSink sinkAgain = ScriptedSink.healthy("hook", clock);
        AlertDispatcher after = start(List.of(sinkAgain));
        after.restore(olderCheckpoint);
        after.submit(List.of(threshold("checkout", true, T0)));

        await().atMost(WAIT).until(() -> metrics.count("outboxDuplicatesDropped") == 1);
        after.snapshotAfterQueued().get(10, TimeUnit.SECONDS);
        assertThat(sinkAgain.attemptTimes).isEmpty();
    }

    @Test
    void shouldRefuseBadBytesAndARestoreAfterFindingsArrived() throws Exception {
        AlertDispatcher dispatcher = start(List.of(ScriptedSink.healthy("hook", clock)));
        byte[] good = dispatcher.snapshotAfterQueued().get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> dispatcher.restore(new byte[]{1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        dispatcher.submit(List.of(threshold("checkout", true, T0)));
        assertThatThrownBy(() -> dispatcher.restore(good)).isInstanceOf(IllegalStateException.class);
    }

    private AlertDispatcher start(List<AlertSink> sinks) {
        AlertDispatcher dispatcher = new AlertDispatcher(OPTIONS, sinks, clock, metrics, dataDir);
        started.add(dispatcher);
        return dispatcher;
    }
}

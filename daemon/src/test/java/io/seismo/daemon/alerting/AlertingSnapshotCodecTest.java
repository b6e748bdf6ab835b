package io.seismo.daemon.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.cascade;
import static io.seismo.daemon.alerting.TestFindings.threshold;
import static io.seismo.daemon.alerting.TestFindings.withPoolSaturated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertingSnapshotCodecTest {
    private static final AlertingOptions OPTIONS = AlertingOptions.defaults()
            .withHysteresis(Duration.ZERO, Duration.ofSeconds(30), true)
            .withGrouping(List.of("alertname"), Duration.ofMinutes(1));

    @Test
    void shouldRestoreALifecycleThatBehavesExactlyLikeTheOriginal() {
        AlertLifecycle original = busyLifecycle();
        AlertingSnapshot snapshot = original.snapshot();
        assertThat(snapshot.groups()).as("a group holds resolves waiting for its interval")
                .anySatisfy(group -> assertThat(group.resolved()).isNotEmpty());
        assertThat(snapshot.alerts()).as("an alert is muted, one is resolving")
                .anySatisfy(alert -> assertThat(alert.suppressedBy()).startsWith("cascade:"))
                .anySatisfy(alert -> assertThat(alert.resolving()).isNotNull());
        byte[] bytes = AlertingSnapshotCodec.encode(snapshot);

        AlertLifecycle restored = new AlertLifecycle(OPTIONS, List.of("hook"));
        restored.restore(AlertingSnapshotCodec.decode(bytes));

        assertThat(AlertingSnapshotCodec.encode(restored.snapshot())).isEqualTo(bytes);
        assertThat(restored.active()).isEqualTo(original.active());
        Instant later = T0.plus(Duration.ofHours(5));
        assertThat(restored.onTick(later)).isEqualTo(original.onTick(later));
    }

    @Test
    void shouldRefuseEveryTruncationWithAnIllegalArgumentException() {
        byte[] bytes = AlertingSnapshotCodec.encode(busyLifecycle().snapshot());

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> AlertingSnapshotCodec.decode(truncated)).as("cut at %d", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldAnswerEveryFlippedByteWithAStateOrAnIllegalArgumentExceptionOnly() {
        byte[] bytes = AlertingSnapshotCodec.encode(busyLifecycle().snapshot());
        int refused = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= (byte) 0xFF;
            try {
                AlertingSnapshotCodec.decode(flipped);
            } catch (IllegalArgumentException expected) {
                refused++;
            }
        }
        assertThat(refused).as("most flips break the structure").isGreaterThan(bytes.length / 4);
    }

    @Test
    void shouldRefuseAnotherMagicOrVersionAndAHugeCount() {
        byte[] bytes = AlertingSnapshotCodec.encode(AlertingSnapshot.EMPTY);
        byte[] otherVersion = bytes.clone();
        otherVersion[7] = 9;
        byte[] hugeCount = bytes.clone();
        hugeCount[8] = 0x7F;

        assertThatThrownBy(() -> AlertingSnapshotCodec.decode("nonsense".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> AlertingSnapshotCodec.decode(otherVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
        assertThatThrownBy(() -> AlertingSnapshotCodec.decode(hugeCount)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertingSnapshotCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStillReadAVersionOneStateWrittenBeforeCascadesCarriedMetricAnomalies() {
        byte[] versionOne = AlertingSnapshotCodec.encode(AlertingSnapshot.EMPTY);
        versionOne[7] = 1;

        assertThat(AlertingSnapshotCodec.decode(versionOne)).isEqualTo(AlertingSnapshot.EMPTY);
    }

    /**
     * Notified, inhibited, cascading, resolving, and resolves waiting in a group for its interval: every field of
     * the state set to something.
     */
    private static AlertLifecycle busyLifecycle() {
        AlertLifecycle lifecycle = new AlertLifecycle(OPTIONS, List.of("hook"));
        lifecycle.onFindings(List.of(threshold("checkout", true, T0), threshold("auth", true, T0),
                threshold("gateway", true, T0)), T0);
        lifecycle.onTick(T0.plusSeconds(2));
        lifecycle.onFindings(List.of(withPoolSaturated(cascade("payments", List.of("checkout"), true, T0.plusSeconds(3)))),
                T0.plusSeconds(3));
        lifecycle.onTick(T0.plusSeconds(5));
        lifecycle.onFindings(List.of(threshold("auth", false, T0.plusSeconds(6)),
                threshold("gateway", false, T0.plusSeconds(6))), T0.plusSeconds(6));
        lifecycle.onTick(T0.plusSeconds(40));
        lifecycle.onFindings(List.of(threshold("checkout", false, T0.plusSeconds(41))), T0.plusSeconds(41));
        return lifecycle;
    }
}

package io.seismo.tests.durability;

import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daemon dies at each step of writing a checkpoint, or finds its newest checkpoint corrupt: a restart
 * recovers from the last good state and nothing is lost or counted twice.
 */
class CheckpointCrashTest {
    /** TEST ONLY property of the daemon: {@code Runtime.halt(137)} at that step of its next checkpoint write. */
    private static final String CRASH_AT = "seismo.test.crashAt";
    private static final String CHECKPOINT_FALLBACKS = "seismo_checkpoint_fallbacks_total";
    private static final long SEED = 77L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "crash {0}")
    @ValueSource(strings = {"afterWrite", "beforeRename", "afterRename"})
    void shouldRecoverFromTheLastGoodStateWhenTheDaemonDiesWritingACheckpoint(String step) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             CrashRig rig = new CrashRig(dir, SEED, 300, 60_000, List.of(receiver))) {
            rig.start();
            // A good checkpoint first, so there is a last good state to fall back to.
            await("a first checkpoint in data/checkpoints").atMost(Duration.ofSeconds(30))
                    .until(() -> !rig.checkpoints().isEmpty());
            rig.awaitIngestedSinceStart(300);
            rig.cluster().killDaemon();

            rig.cluster().restartDaemon(Map.of("JAVA_TOOL_OPTIONS", "-D" + CRASH_AT + "=" + step));
            assertThat(rig.cluster().daemon().awaitExit(60))
                    .as("the daemon started with -D%s=%s must halt with 137 at its next checkpoint\n%s",
                            CRASH_AT, step, rig.tail(rig.cluster().daemonOutput()))
                    .isEqualTo(137);

            rig.cluster().restartDaemon(Map.of());
            rig.cluster().awaitDaemonReady();
            rig.finish(receiver);
            rig.assertExactlyOnce(receiver);
        }
    }

    @Test
    void shouldFallBackToTheOlderCheckpointWhenTheNewestIsCorrupt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             CrashRig rig = new CrashRig(dir, SEED, 300, 60_000, List.of(receiver))) {
            rig.start();
            await("two checkpoints in data/checkpoints").atMost(Duration.ofSeconds(30))
                    .until(() -> rig.checkpoints().size() >= 2);
            rig.awaitIngestedSinceStart(500);
            rig.cluster().killDaemon();
            List<Path> checkpoints = rig.checkpoints();
            flipMiddleByte(checkpoints.get(checkpoints.size() - 1));

            rig.cluster().restartDaemon(Map.of());
            rig.cluster().awaitDaemonReady();
            rig.finish(receiver);
            rig.assertExactlyOnce(receiver);
            rig.assertCounted(CHECKPOINT_FALLBACKS, "a restart whose newest checkpoint has a flipped byte");
        }
    }

    /** Silent corruption of a file at rest: its length and name stay, one byte in the middle changes. */
    private static void flipMiddleByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
    }
}

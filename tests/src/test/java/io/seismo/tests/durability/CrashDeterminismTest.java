package io.seismo.tests.durability;

import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same seeded input, once without a crash and once with a {@code kill -9} of the daemon in the middle:
 * the windows that fired (rule, key, window) are the same set.
 */
class CrashDeterminismTest {
    private static final long SEED = 31_337L;
    private static final int LINES = 3_000;

    @TempDir
    Path dir;

    @Test
    void shouldFireTheSameWindowsWithAndWithoutACrash() throws Exception {
        Set<String> calm = firedWindows(dir.resolve("calm"), false);
        Set<String> crashed = firedWindows(dir.resolve("crashed"), true);

        assertThat(calm).as("windows fired without a crash").hasSize(LINES / 100);
        assertThat(crashed).as("windows fired with a kill -9 in the middle, against those without").isEqualTo(calm);
    }

    private static Set<String> firedWindows(Path runDir, boolean crash) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             CrashRig rig = new CrashRig(runDir, SEED, 300, LINES, List.of(receiver))) {
            rig.start();
            if (crash) {
                rig.awaitIngestedSinceStart(LINES / 2.0);
                rig.crashDaemonAndRestart();
                rig.cluster().awaitDaemonReady();
            }
            rig.awaitAllWritten();
            rig.finish(receiver);
            rig.assertExactlyOnce(receiver);
            return BucketRules.firedWindows(receiver.alertsOncePerKey());
        }
    }
}

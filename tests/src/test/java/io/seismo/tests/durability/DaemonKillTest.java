package io.seismo.tests.durability;

import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code kill -9} of the daemon at seeded random moments, ten times, while the agent ships a steady stream:
 * every line is journaled once, counted once in its window, and every alert is notified once (a resend after a
 * kill between the receiver's 200 and the outbox recording it carries the first send's Idempotency-Key).
 */
class DaemonKillTest {
    private static final long SEED = 20_261_123L;
    private static final int CRASHES = 10;

    @TempDir
    Path dir;

    @Test
    void shouldProcessEveryLineAndNotifyEveryAlertExactlyOnceAcrossTenDaemonKills() throws Exception {
        Random chaos = new Random(SEED);
        try (WebhookReceiver receiver = new WebhookReceiver();
             CrashRig rig = new CrashRig(dir, SEED, 200, 60_000, List.of(receiver))) {
            rig.start();
            for (int crash = 1; crash <= CRASHES; crash++) {
                if (crash % 3 == 0) {
                    // As soon as it answers: often while it is still replaying its journal.
                    rig.awaitListening();
                } else {
                    rig.cluster().awaitDaemonReady();
                    rig.awaitIngestedSinceStart(50 + chaos.nextInt(450));
                }
                rig.crashDaemonAndRestart();
            }
            rig.cluster().awaitDaemonReady();
            rig.finish(receiver);
            rig.assertExactlyOnce(receiver);
        }
    }
}

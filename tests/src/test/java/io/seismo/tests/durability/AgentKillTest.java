package io.seismo.tests.durability;

import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code kill -9} of the agent at seeded random moments, five times, restarting it each time: what it had
 * read but not had acknowledged is sent again and dropped as a duplicate, so every line still counts once.
 */
class AgentKillTest {
    private static final long SEED = 4_242L;
    private static final int CRASHES = 5;

    @TempDir
    Path dir;

    @Test
    void shouldProcessEveryLineAndNotifyEveryAlertExactlyOnceAcrossFiveAgentKills() throws Exception {
        Random chaos = new Random(SEED);
        try (WebhookReceiver receiver = new WebhookReceiver();
             CrashRig rig = new CrashRig(dir, SEED, 250, 60_000, List.of(receiver))) {
            rig.start();
            for (int crash = 1; crash <= CRASHES; crash++) {
                rig.awaitIngestedSinceStart(rig.ingestedSinceStart() + 100 + chaos.nextInt(600));
                rig.cluster().killAgent();
                rig.cluster().restartAgent();
            }
            rig.finish(receiver);
            rig.assertExactlyOnce(receiver);
        }
    }
}

package io.seismo.tests.durability;

import io.seismo.tests.harness.JournalDamage;
import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The daemon is killed in the middle of an append and leaves a damaged, never acknowledged record at the end
 * of its newest journal segment: it starts, counts the damaged tail, and the agent's resend loses nothing.
 */
class JournalTailDamageTest {
    private static final String TAIL_TRUNCATED = "seismo_journal_tail_truncated_total";
    private static final long SEED = 78L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalDamage.class)
    void shouldCountADamagedJournalTailAndLoseNothing(JournalDamage damage) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             CrashRig rig = new CrashRig(dir, SEED, 300, 60_000, List.of(receiver))) {
            rig.start();
            rig.awaitIngestedSinceStart(500);
            rig.cluster().killDaemon();
            damage.applyTo(rig.cluster().journalDir());

            rig.cluster().restartDaemon(Map.of());
            rig.cluster().awaitDaemonReady();
            rig.finish(receiver);
            rig.assertExactlyOnce(receiver);
            rig.assertCounted(TAIL_TRUNCATED, "a restart on a journal with a " + damage + " at its end");
        }
    }
}

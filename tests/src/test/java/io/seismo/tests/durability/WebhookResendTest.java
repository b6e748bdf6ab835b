package io.seismo.tests.durability;

import io.seismo.tests.harness.OutageScript.Answer;
import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver that acts on each alert's resolve the first time it comes but never answers it: the daemon times
 * out (1 s) and sends it again, as it must, since it cannot know it arrived. (Resolves, because nothing newer
 * supersedes them.) Each resend carries the key of the first send and the same alerts, so a receiver that drops
 * keys it already took ends with every alert exactly once.
 */
class WebhookResendTest {
    private static final long SEED = 2_718L;

    @TempDir
    Path dir;

    @Test
    void shouldResendAnUnansweredNotificationUnderItsFirstIdempotencyKey() throws Exception {
        Set<String> stalledOnce = ConcurrentHashMap.newKeySet();
        try (WebhookReceiver receiver = new WebhookReceiver(notification ->
                "resolved".equals(notification.getString("status")) && stalledOnce.add(notification.getString("groupKey"))
                        ? Answer.KEEP_AND_HANG : Answer.OK);
             CrashRig rig = new CrashRig(dir, SEED, 300, 900, List.of(receiver))) {
            rig.start();
            rig.awaitAllWritten();
            rig.finish(receiver);
            // Kept unanswered, each resolve already counts as taken: wait (bounded) for the resends too.
            CrashRig.within(Duration.ofSeconds(30), () -> Deliveries.resends(receiver.taken()) >= stalledOnce.size());
            assertThat(rig.assertExactlyOnce(receiver)).as("resends of the resolves the receiver kept unanswered\n%s",
                    rig.diagnostics()).isEqualTo(stalledOnce.size()).isPositive();
        }
    }
}

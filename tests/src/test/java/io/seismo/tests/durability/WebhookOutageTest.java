package io.seismo.tests.durability;

import io.seismo.tests.harness.OutageScript;
import io.seismo.tests.harness.OutageScript.Answer;
import io.seismo.tests.harness.OutageScript.Phase;
import io.seismo.tests.harness.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One receiver answers 500, then 429 with Retry-After, then hangs past the sink's 1 s timeout, for seven
 * seconds in all, then 200; a second receiver is healthy throughout. The healthy one is served during the
 * outage, and the failing one gets every alert exactly once after it recovers.
 */
class WebhookOutageTest {
    private static final long SEED = 5_150L;

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryAlertOnceAfterAnOutageWithoutHoldingBackTheHealthySink() throws Exception {
        OutageScript outage = OutageScript.of(
                new Phase(Answer.SERVER_ERROR, Duration.ofSeconds(2)),
                new Phase(Answer.TOO_MANY_REQUESTS, Duration.ofSeconds(2)),
                new Phase(Answer.HANG, Duration.ofSeconds(3)));
        try (WebhookReceiver healthy = new WebhookReceiver();
             WebhookReceiver failing = new WebhookReceiver(outage);
             CrashRig rig = new CrashRig(dir, SEED, 300, 600, List.of(healthy, failing))) {
            rig.start();
            rig.awaitAllWritten();
            rig.finish(healthy);
            rig.assertExactlyOnce(healthy);
            assertThat(failing.alerts())
                    .as("the failing receiver must still be in its outage when the healthy one has every alert "
                            + "(a sink that is down must not hold back the others); outage over: %s", outage.over())
                    .isEmpty();

            // Alerts, not notifications: an alert that fired and resolved while its sink was down may reach it
            // once, as resolved (the latest state, as Alertmanager does); it must reach it, and only once per status.
            Set<String> expected = alerts(healthy);
            CrashRig.within(Duration.ofSeconds(90), () -> alerts(failing).containsAll(expected));
            assertThat(alerts(failing)).as("alerts the receiver got within 90 s of its outage (%d requests)\n%s",
                    failing.requests(), rig.tail(rig.cluster().daemonOutput())).isEqualTo(expected);
            Deliveries.assertOncePerKey(failing, rig.tail(rig.cluster().daemonOutput()));
            assertThat(failing.requests()).as("requests the failing receiver refused or left hanging")
                    .isGreaterThan(failing.alerts().size());
        }
    }

    private static Set<String> alerts(WebhookReceiver receiver) {
        Set<String> out = new TreeSet<>();
        receiver.alerts().forEach(alert -> out.add(Deliveries.alertOf(alert)));
        return out;
    }
}

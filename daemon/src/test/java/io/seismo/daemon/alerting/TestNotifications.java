package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.util.Arrays;
import java.util.List;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static io.seismo.daemon.alerting.TestFindings.threshold;

/** Notifications as the lifecycle makes them, from {@link TestFindings}. */
final class TestNotifications {

    private TestNotifications() {
    }

    /** One firing notification to {@code receiver} per service, keyed as the lifecycle keys them. */
    static List<Notification> firingFor(String receiver, String... services) {
        AlertLifecycle lifecycle = new AlertLifecycle(AlertingOptions.defaults(), List.of(receiver));
        lifecycle.onFindings(Arrays.stream(services).map(service -> threshold(service, true, T0)).toList(), T0);
        return lifecycle.onTick(T0.plusSeconds(60));
    }
}

package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * While a cascade fires, the per-service alerts of its root and affected callers say nothing new: the cascade
 * already names the root cause. This decides which alerts a firing cascade covers, records them on the cascade
 * (so its message can list them) and releases them when no cascade covers them any more.
 */
final class CascadeInhibition {

    private CascadeInhibition() {
    }

    /**
     * Re-evaluates every alert after a round of findings.
     *
     * @param releasedDueAt when an alert that is no longer covered may go out at the earliest: it gets a fresh
     *                      group wait, as a new alert would, so that its own resolve, usually close behind the
     *                      cascade's, can still cancel it
     * @return how many alerts became inhibited in this call
     */
    static int apply(Collection<TrackedAlert> alerts, Instant releasedDueAt) {
        List<TrackedAlert> cascades = alerts.stream().filter(TrackedAlert::isCascade).toList();
        int newlyInhibited = 0;
        for (TrackedAlert alert : alerts) {
            if (alert.isCascade()) {
                continue;
            }
            boolean covered = false;
            for (TrackedAlert cascade : cascades) {
                if (covers(cascade.finding().cascade(), alert.service())) {
                    cascade.addSuppressed(alert.shortName());
                    covered = true;
                }
            }
            if (covered && !alert.isInhibited()) {
                alert.inhibit();
                newlyInhibited++;
            } else if (!covered && alert.isInhibited()) {
                alert.release(releasedDueAt);
            }
        }
        return newlyInhibited;
    }

    private static boolean covers(CascadeDetail cascade, String service) {
        return service != null && (service.equals(cascade.rootService()) || cascade.affectedServices().contains(service));
    }
}

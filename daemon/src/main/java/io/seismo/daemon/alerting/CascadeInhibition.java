package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;

import java.util.List;

/**
 * While a cascade fires, the per-service alerts of its root and affected callers say nothing new: the cascade
 * already names the root cause. This decides which cascade covers an alert and records the alert on the cascade,
 * so that its message can list what it suppressed.
 */
final class CascadeInhibition {

    private CascadeInhibition() {
    }

    /** The id of the first cascade covering {@code alert}, or null; every covering cascade lists the alert. */
    static String coveringCascade(TrackedAlert alert, List<TrackedAlert> cascades) {
        if (alert.isCascade()) {
            return null;
        }
        String covering = null;
        for (TrackedAlert cascade : cascades) {
            if (covers(cascade.finding().cascade(), alert.service())) {
                cascade.addSuppressed(alert.shortName());
                covering = covering == null ? cascade.id() : covering;
            }
        }
        return covering;
    }

    private static boolean covers(CascadeDetail cascade, String service) {
        return service != null && (service.equals(cascade.rootService()) || cascade.affectedServices().contains(service));
    }
}

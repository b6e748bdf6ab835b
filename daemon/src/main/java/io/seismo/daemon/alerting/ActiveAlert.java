package io.seismo.daemon.alerting;

import io.seismo.sink.Alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert alerting tracks now, for the API: where it stands and, when muted, why.
 *
 * @param suppressedBy {@code cascade:<alert id>}, {@code inhibitRule:<index in alerting.inhibitRules>} or
 *                     {@code silence:<silence id>}; null when not muted
 */
public record ActiveAlert(Alert alert, State state, String suppressedBy) {
    public ActiveAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(state, "state");
    }

    /** Where an alert stands. */
    public enum State {
        /** Within its {@code for} duration: not told yet. */
        PENDING,
        /** Firing and told (or about to be, after its group wait). */
        FIRING,
        /** Firing but muted: see {@code suppressedBy}. */
        SUPPRESSED,
        /** Its condition stopped holding; the resolve waits for {@code resolveAfter}. */
        RESOLVING;

        static State of(TrackedAlert tracked, Instant now) {
            if (tracked.isPending(now)) {
                return PENDING;
            }
            if (!tracked.isFiring(now)) {
                return RESOLVING;
            }
            return tracked.isInhibited() ? SUPPRESSED : FIRING;
        }
    }
}

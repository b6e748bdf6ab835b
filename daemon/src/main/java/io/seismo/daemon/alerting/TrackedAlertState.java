package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One tracked alert as a snapshot holds it: an immutable copy of {@link TrackedAlert}'s fields.
 *
 * @param lastNotifiedAt null when nothing was sent yet
 * @param suppressedBy    why it is muted ({@code cascade:<id>}, {@code inhibitRule:<n>}, {@code silence:<id>}), or null
 * @param resolving      a resolve waiting for its hysteresis, or null (then {@code resolveDueAt} is null too)
 */
record TrackedAlertState(
        String fingerprint,
        String id,
        Instant startsAt,
        Finding finding,
        Instant firingFrom,
        Instant lastNotifiedAt,
        String suppressedBy,
        boolean mutedWhenDue,
        List<String> suppressed,
        Finding resolving,
        Instant resolveDueAt) {

    TrackedAlertState {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(firingFrom, "firingFrom");
        suppressed = List.copyOf(suppressed);
        if ((resolving == null) != (resolveDueAt == null)) {
            throw new IllegalArgumentException("a pending resolve needs both its finding and its due time");
        }
    }
}

package io.seismo.daemon.alerting;

import io.seismo.daemon.route.RouteTarget;
import io.seismo.sink.Alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification group of one route target (receiver), as a snapshot holds it.
 *
 * @param members          fingerprints of the tracked alerts that belong to it
 * @param resolved         resolves waiting for the group's next notification
 * @param lastSentAt       null until its first notification
 * @param lastSentFiring   fingerprints of the firing alerts its last notification carried
 * @param lastContent      digest of its last notification's alerts and statuses ("" before the first)
 * @param contentRepeats   how often that same content went out: the repeat number in the outbox key
 */
record AlertGroupState(
        RouteTarget target,
        String key,
        Map<String, String> labels,
        Instant createdAt,
        List<String> members,
        List<Alert> resolved,
        Instant lastSentAt,
        List<String> lastSentFiring,
        String lastContent,
        int contentRepeats) {

    AlertGroupState {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastContent, "lastContent");
        labels = Map.copyOf(labels);
        members = List.copyOf(members);
        resolved = List.copyOf(resolved);
        lastSentFiring = List.copyOf(lastSentFiring);
        if (contentRepeats < 0) {
            throw new IllegalArgumentException("contentRepeats is negative: " + contentRepeats);
        }
    }
}

package io.seismo.sink;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one receiver: a group of alerts that share {@code groupLabels}. {@code status} is firing
 * when any alert in the group fires, as in Alertmanager's webhook.
 *
 * <p>{@code id} names this notification across retries and restarts: a resend (after a timeout, or after a crash
 * between the receiver's answer and Seismo recording it) carries the same id, so a receiver that remembers the ids
 * it has taken sees each notification once. Delivery itself is at least once: no sender can do better over HTTP.
 */
public record Notification(
        String id,
        String receiver,
        String groupKey,
        AlertStatus status,
        Map<String, String> groupLabels,
        List<Alert> alerts,
        String externalUrl) {

    public Notification {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a notification id must not be blank");
        }
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    /** The same notification (same id) carrying these alerts instead: the alerts worded differently, say. */
    public Notification withAlerts(List<Alert> replaced) {
        return new Notification(id, receiver, groupKey, status, groupLabels, replaced, externalUrl);
    }
}

package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.util.Objects;

/**
 * A notification the lifecycle decided to send, with the key that names it across restarts: the same alert, status
 * and repeat number to the same receiver always gives the same key, so the outbox drops what a replay produces again.
 */
public record OutgoingNotification(String key, Notification notification) {
    public OutgoingNotification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(notification, "notification");
    }
}

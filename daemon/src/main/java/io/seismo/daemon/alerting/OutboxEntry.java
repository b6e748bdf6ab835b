package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.Objects;

/** A notification held by the outbox until its receiver accepted it or it was given up. */
public record OutboxEntry(String key, Instant createdAt, Notification notification) {
    public OutboxEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notification, "notification");
    }

    String receiver() {
        return notification.receiver();
    }
}

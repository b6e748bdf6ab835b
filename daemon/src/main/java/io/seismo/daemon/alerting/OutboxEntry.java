package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.Objects;

/** A notification held by the outbox until its receiver accepted it or it was given up. */
public record OutboxEntry(Instant createdAt, Notification notification) {
    public OutboxEntry {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notification, "notification");
    }

    /** The notification's id: what the outbox dedupes and settles by. */
    String key() {
        return notification.id();
    }

    String receiver() {
        return notification.receiver();
    }
}

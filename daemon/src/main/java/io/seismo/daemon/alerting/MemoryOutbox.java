package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.List;

/** An outbox that keeps nothing across restarts: for a daemon without a data directory, and for tests. */
final class MemoryOutbox implements Outbox {
    private final OutboxIndex index = new OutboxIndex(OutboxIndex.DEFAULT_SETTLED_CAPACITY);

    @Override
    public List<OutboxEntry> append(List<Notification> notifications, Instant now) {
        return index.admit(notifications, now);
    }

    @Override
    public void markDone(String key) {
        index.settle(key);
    }

    @Override
    public void sync() {
    }

    @Override
    public List<OutboxEntry> pending() {
        return index.pending();
    }

    @Override
    public void close() {
    }
}

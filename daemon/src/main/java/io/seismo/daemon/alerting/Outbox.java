package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.List;

/**
 * Where notifications wait between the lifecycle and the sinks. A notification is taken in before any sink sees
 * it and stays until its receiver accepted it (or it was given up); a key taken once is never taken again, so a
 * lifecycle that replays after a crash cannot notify twice. Confined to the alerting thread.
 */
interface Outbox extends AutoCloseable {

    /** Takes in the notifications whose id it has not seen, durably, and returns those (in order). */
    List<OutboxEntry> append(List<Notification> notifications, Instant now);

    /**
     * The notification is settled for good (delivered, superseded, refused or given up): never deliver it again.
     * Written at once, so a crashed process keeps it; durable against a machine crash after the next {@link #append}
     * or {@link #sync}.
     */
    void markDone(String key);

    /** Makes the settlements since the last append or sync durable; does nothing when there are none. */
    void sync();

    /** Everything not yet settled, oldest first: what to deliver after a restart. */
    List<OutboxEntry> pending();

    @Override
    void close();
}

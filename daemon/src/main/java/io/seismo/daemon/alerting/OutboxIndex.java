package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an outbox knows in memory: the entries still to deliver, and the keys already settled. The settled keys are
 * bounded (oldest forgotten first): a replay only ever reproduces notifications of the last checkpoint interval.
 */
final class OutboxIndex {
    /** Settled keys kept for dedupe: far more than a checkpoint interval can produce. */
    static final int DEFAULT_SETTLED_CAPACITY = 100_000;

    private final int settledCapacity;
    private final Map<String, OutboxEntry> pending = new LinkedHashMap<>();
    private final Set<String> settled = new LinkedHashSet<>();

    OutboxIndex(int settledCapacity) {
        if (settledCapacity < 1) {
            throw new IllegalArgumentException("settled key capacity must be at least 1, got " + settledCapacity);
        }
        this.settledCapacity = settledCapacity;
    }

    /** Takes in the notifications whose id is neither pending nor settled, and returns them as entries. */
    List<OutboxEntry> admit(List<Notification> notifications, Instant now) {
        List<OutboxEntry> taken = new ArrayList<>();
        for (Notification notification : notifications) {
            String key = notification.id();
            if (!pending.containsKey(key) && !settled.contains(key)) {
                OutboxEntry entry = new OutboxEntry(now, notification);
                pending.put(key, entry);
                taken.add(entry);
            }
        }
        return taken;
    }

    void add(OutboxEntry entry) {
        if (!settled.contains(entry.key())) {
            pending.putIfAbsent(entry.key(), entry);
        }
    }

    /** @return true when the key was pending (the caller then records that it is settled) */
    boolean settle(String key) {
        boolean wasPending = pending.remove(key) != null;
        if (settled.add(key) && settled.size() > settledCapacity) {
            Iterator<String> oldest = settled.iterator();
            oldest.next();
            oldest.remove();
        }
        return wasPending;
    }

    List<OutboxEntry> pending() {
        return new ArrayList<>(pending.values());
    }

    List<String> settledKeys() {
        return new ArrayList<>(settled);
    }

    int settledCount() {
        return settled.size();
    }

    int pendingCount() {
        return pending.size();
    }
}

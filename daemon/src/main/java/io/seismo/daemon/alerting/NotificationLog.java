package io.seismo.daemon.alerting;

import io.seismo.sink.AlertStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was last said about each alert id (DESIGN.md §7.5). Alert ids are deterministic, so when the journal
 * is replayed after a restart and the same findings rebuild the same alerts, this log (restored with the
 * alerting state) keeps them from being notified twice. Bounded: the oldest entries are forgotten first.
 * Confined to the alerting thread, like the lifecycle that owns it.
 */
public final class NotificationLog {
    /** The default bound: far more alerts than any on-call rotation could read. */
    public static final int DEFAULT_CAPACITY = 50_000;

    /** One alert's last notification. */
    public record Entry(String alertId, AlertStatus status, Instant at) {
    }

    private final Map<String, Entry> entries;

    public NotificationLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("notification log capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A log restored from a snapshot's {@link #entries()}. */
    public NotificationLog(int capacity, List<Entry> restored) {
        this(capacity);
        restored.forEach(entry -> entries.put(entry.alertId(), entry));
    }

    /** Forgets everything and holds these entries instead (a restore from a snapshot). */
    void replaceWith(List<Entry> restored) {
        entries.clear();
        restored.forEach(entry -> entries.put(entry.alertId(), entry));
    }

    void record(String alertId, AlertStatus status, Instant at) {
        entries.remove(alertId); // re-inserting moves it to the young end, so a live alert is forgotten last
        entries.put(alertId, new Entry(alertId, status, at));
    }

    Optional<Entry> last(String alertId) {
        return Optional.ofNullable(entries.get(alertId));
    }

    /** Every entry, oldest first, for a snapshot. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }
}

package io.seismo.daemon.alerting;

import io.seismo.rules.finding.FindingKind;
import io.seismo.sink.AlertStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts every call by name (and label), so tests can read what alerting reported. */
final class CountingMetrics implements AlertingMetrics {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile int active;

    int count(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    int active() {
        return active;
    }

    private void inc(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void findingsReceived(FindingKind kind) {
        inc("findingsReceived:" + kind);
    }

    @Override
    public void findingsRejected() {
        inc("findingsRejected");
    }

    @Override
    public void notificationsSent(String sink, AlertStatus status) {
        inc("notificationsSent:" + sink + ":" + status);
    }

    @Override
    public void deliveryFailures(String sink) {
        inc("deliveryFailures:" + sink);
    }

    @Override
    public void deliveryGiveUps(String sink) {
        inc("deliveryGiveUps:" + sink);
    }

    @Override
    public void deliveryRejected(String sink) {
        inc("deliveryRejected:" + sink);
    }

    @Override
    public void alertsInhibited() {
        inc("alertsInhibited");
    }

    @Override
    public void activeAlerts(int count) {
        active = count;
    }

    @Override
    public void outboxWriteFailures() {
        inc("outboxWriteFailures");
    }

    @Override
    public void outboxSyncs() {
        inc("outboxSyncs");
    }

    @Override
    public void outboxRecordsSkipped() {
        inc("outboxRecordsSkipped");
    }

    @Override
    public void outboxDuplicatesDropped(int count) {
        counts.computeIfAbsent("outboxDuplicatesDropped", k -> new AtomicInteger()).addAndGet(count);
    }

    @Override
    public void notificationsRateLimited(String receiver) {
        inc("notificationsRateLimited:" + receiver);
    }
}

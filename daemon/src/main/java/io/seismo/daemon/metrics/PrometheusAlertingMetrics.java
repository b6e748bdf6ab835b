package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.seismo.daemon.alerting.AlertingMetrics;
import io.seismo.rules.finding.FindingKind;
import io.seismo.sink.AlertStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Alerting's counters in the daemon's Prometheus registry; per-sink children are resolved once and cached. */
public final class PrometheusAlertingMetrics implements AlertingMetrics {
    private final DaemonMetrics metrics;
    private final Map<String, CounterDataPoint> children = new ConcurrentHashMap<>();
    private final Map<String, DistributionDataPoint> latencies = new ConcurrentHashMap<>();
    private final GaugeDataPoint firing;

    public PrometheusAlertingMetrics(DaemonMetrics metrics) {
        this.metrics = metrics;
        this.firing = metrics.alertsInState("firing");
    }

    @Override
    public void findingsReceived(FindingKind kind) {
        (kind == FindingKind.CASCADE ? metrics.findingsCascade : metrics.findingsThreshold).inc();
    }

    @Override
    public void findingsRejected() {
        metrics.findingsRejected.inc();
    }

    @Override
    public void notificationsSent(String sink, AlertStatus status) {
        child("sent/" + status.wireName() + "/" + sink, k -> metrics.alertNotifications(sink, status.wireName())).inc();
    }

    @Override
    public void deliveryFailures(String sink) {
        child("failed/" + sink, k -> metrics.alertDeliveryFailures(sink)).inc();
    }

    @Override
    public void deliveryGiveUps(String sink) {
        child("giveup/" + sink, k -> metrics.alertDeliveryGiveUps(sink)).inc();
    }

    @Override
    public void deliveryRejected(String sink) {
        child("rejected/" + sink, k -> metrics.alertDeliveryRejected(sink)).inc();
    }

    @Override
    public void alertsInhibited() {
        metrics.alertsInhibited.inc();
    }

    @Override
    public void activeAlerts(int count) {
        metrics.alertsActive.set(count);
        firing.set(count);
    }

    @Override
    public void outboxWriteFailures() {
        metrics.outboxWriteFailures.inc();
    }

    @Override
    public void outboxSyncs() {
        metrics.outboxSyncs.inc();
    }

    @Override
    public void outboxRecordsSkipped() {
        metrics.outboxRecordsSkipped.inc();
    }

    @Override
    public void outboxDuplicatesDropped(int count) {
        metrics.outboxDuplicatesDropped.inc(count);
    }

    @Override
    public void notificationsRateLimited(String receiver) {
        child("ratelimited/" + receiver, k -> metrics.notificationsRateLimited(receiver)).inc();
    }

    /** How long one delivery to {@code sink} took, accepted or not. */
    @Override
    public void deliverySeconds(String sink, double seconds) {
        latencies.computeIfAbsent(sink, metrics::sinkDeliverySeconds).observe(seconds);
    }

    private CounterDataPoint child(String key, Function<String, CounterDataPoint> create) {
        return children.computeIfAbsent(key, create);
    }
}

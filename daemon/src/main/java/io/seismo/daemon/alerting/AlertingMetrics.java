package io.seismo.daemon.alerting;

import io.seismo.rules.finding.FindingKind;
import io.seismo.sink.AlertStatus;

/**
 * What alerting counts. The daemon wires it to Prometheus; implementations resolve their label children once
 * per (sink, status) and must be safe to call from the alerting thread.
 */
public interface AlertingMetrics {

    /** A well-formed finding reached alerting. */
    void findingsReceived(FindingKind kind);

    /** A finding alerting could not use (missing rule name, kind, severity, or cascade detail); it was skipped. */
    void findingsRejected();

    /** A sink accepted a notification. */
    void notificationsSent(String sink, AlertStatus status);

    /** One delivery attempt failed (retried or not). */
    void deliveryFailures(String sink);

    /** A notification was dropped because it kept failing for longer than {@code giveUpAfter}. */
    void deliveryGiveUps(String sink);

    /** A notification was dropped because the sink refused it for good (not retryable). */
    void deliveryRejected(String sink);

    /** A per-service alert became inhibited by a firing cascade. */
    void alertsInhibited();

    /** The number of alerts firing now (a gauge value). */
    void activeAlerts(int count);

    /** How long one delivery attempt to a sink took, until it was accepted or failed. */
    default void deliverySeconds(String sink, double seconds) {
    }

    /** The outbox could not write or fsync a record (the notification is still delivered, without a durable copy). */
    default void outboxWriteFailures() {
    }

    /**
     * The outbox fsynced its file: once for each batch of new notifications (the rounds of findings that queued
     * together), and once a tick for the settlements written since.
     */
    default void outboxSyncs() {
    }

    /** Reopening the outbox found a torn or corrupt record; it and what followed were skipped. */
    default void outboxRecordsSkipped() {
    }

    /** The lifecycle produced a notification the outbox already held or settled (a replay after a crash). */
    default void outboxDuplicatesDropped(int count) {
    }

    /** A group's notification waited because its receiver used up its rate limit. */
    default void notificationsRateLimited(String receiver) {
    }

    AlertingMetrics NOOP = new AlertingMetrics() {
        @Override
        public void findingsReceived(FindingKind kind) {
        }

        @Override
        public void findingsRejected() {
        }

        @Override
        public void notificationsSent(String sink, AlertStatus status) {
        }

        @Override
        public void deliveryFailures(String sink) {
        }

        @Override
        public void deliveryGiveUps(String sink) {
        }

        @Override
        public void deliveryRejected(String sink) {
        }

        @Override
        public void alertsInhibited() {
        }

        @Override
        public void activeAlerts(int count) {
        }
    };
}

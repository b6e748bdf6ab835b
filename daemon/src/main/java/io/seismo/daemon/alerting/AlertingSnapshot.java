package io.seismo.daemon.alerting;

import java.util.List;

/** Alerting's state at a checkpoint: the tracked alerts, the notification groups and the notification log. */
record AlertingSnapshot(List<TrackedAlertState> alerts, List<AlertGroupState> groups, List<NotificationLog.Entry> log) {
    static final AlertingSnapshot EMPTY = new AlertingSnapshot(List.of(), List.of(), List.of());

    AlertingSnapshot {
        alerts = List.copyOf(alerts);
        groups = List.copyOf(groups);
        log = List.copyOf(log);
    }
}

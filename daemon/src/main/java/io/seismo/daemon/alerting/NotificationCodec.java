package io.seismo.daemon.alerting;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertCascade;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Notification} with its alerts, as the outbox stores it: everything but the id, which the outbox record
 * carries as its key. Reads are checked like every snapshot read.
 */
final class NotificationCodec {
    static final int MIN_ALERT_BYTES = 64;
    private static final int MIN_STEP_BYTES = StateInput.MIN_STRING_BYTES + Long.BYTES + Integer.BYTES;

    private NotificationCodec() {
    }

    static void write(Notification notification, StateOutput out) {
        out.writeString(notification.receiver());
        out.writeString(notification.groupKey());
        writeStatus(notification.status(), out);
        StateFields.writeLabels(notification.groupLabels(), out);
        out.writeString(notification.externalUrl());
        out.writeInt(notification.alerts().size());
        notification.alerts().forEach(alert -> writeAlert(alert, out));
    }

    static Notification read(String id, StateInput in) {
        String receiver = in.readString("receiver");
        String groupKey = in.readString("group key");
        AlertStatus status = readStatus(in);
        Map<String, String> groupLabels = StateFields.readLabels(in);
        String externalUrl = in.readNullableString("external url");
        int count = in.readCount("alerts", MIN_ALERT_BYTES);
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(readAlert(in));
        }
        return new Notification(id, receiver, groupKey, status, groupLabels, alerts, externalUrl);
    }

    static void writeAlert(Alert alert, StateOutput out) {
        out.writeString(alert.id());
        out.writeString(alert.fingerprint());
        writeStatus(alert.status(), out);
        out.writeString(alert.ruleName());
        out.writeString(alert.severity());
        StateFields.writeInstant(alert.startsAt(), out);
        out.writeBoolean(alert.endsAt() != null);
        if (alert.endsAt() != null) {
            StateFields.writeInstant(alert.endsAt(), out);
        }
        out.writeString(alert.summary());
        out.writeString(alert.description());
        StateFields.writeLabels(alert.labels(), out);
        StateFields.writeLabels(alert.annotations(), out);
        StateFields.writeStrings(alert.sampleMessages(), out);
        StateFields.writeStrings(alert.traceIds(), out);
        out.writeBoolean(alert.cascade() != null);
        if (alert.cascade() != null) {
            out.writeString(alert.cascade().rootService());
            StateFields.writeStrings(alert.cascade().affectedServices(), out);
            out.writeInt(alert.cascade().timeline().size());
            for (AlertCascade.Step step : alert.cascade().timeline()) {
                out.writeString(step.service());
                StateFields.writeInstant(step.at(), out);
            }
        }
        StateFields.writeStrings(alert.suppressed(), out);
        StateFields.writeValues(alert.values(), out);
    }

    static Alert readAlert(StateInput in) {
        String id = in.readString("alert id");
        String fingerprint = in.readString("fingerprint");
        AlertStatus status = readStatus(in);
        String ruleName = in.readString("rule name");
        String severity = in.readString("severity");
        Instant startsAt = StateFields.readInstant(in);
        Instant endsAt = in.readBoolean("has end") ? StateFields.readInstant(in) : null;
        String summary = in.readNullableString("summary");
        String description = in.readNullableString("description");
        Map<String, String> labels = StateFields.readLabels(in);
        Map<String, String> annotations = StateFields.readLabels(in);
        List<String> samples = StateFields.readStrings(in, "sample messages");
        List<String> traceIds = StateFields.readStrings(in, "trace ids");
        AlertCascade cascade = null;
        if (in.readBoolean("has cascade")) {
            String root = in.readString("root service");
            List<String> affected = StateFields.readStrings(in, "affected services");
            int steps = in.readCount("cascade steps", MIN_STEP_BYTES);
            List<AlertCascade.Step> timeline = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                timeline.add(new AlertCascade.Step(in.readString("step service"), StateFields.readInstant(in)));
            }
            cascade = new AlertCascade(root, affected, timeline);
        }
        List<String> suppressed = StateFields.readStrings(in, "suppressed");
        return new Alert(id, fingerprint, status, ruleName, severity, startsAt, endsAt, summary, description, labels,
                annotations, samples, traceIds, cascade, suppressed, StateFields.readValues(in));
    }

    private static void writeStatus(AlertStatus status, StateOutput out) {
        out.writeBoolean(status == AlertStatus.RESOLVED);
    }

    private static AlertStatus readStatus(StateInput in) {
        return in.readBoolean("resolved") ? AlertStatus.RESOLVED : AlertStatus.FIRING;
    }
}

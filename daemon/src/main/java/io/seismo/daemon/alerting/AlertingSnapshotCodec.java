package io.seismo.daemon.alerting;

import io.seismo.daemon.route.GroupTimings;
import io.seismo.daemon.route.RateLimit;
import io.seismo.daemon.route.RouteTarget;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerting's checkpoint bytes: a magic, a version, then the tracked alerts and the notification log. Bytes from
 * anywhere else (torn, flipped, another version) are refused with an {@link IllegalArgumentException} and
 * nothing else: every count is checked against the bytes left before anything is allocated from it.
 */
final class AlertingSnapshotCodec {
    /** "SMAL": Seismo alerting. */
    static final int MAGIC = 0x534D414C;
    /** 2 added the cascades' metric anomalies; version 1 states are still read (without them). */
    static final int VERSION = 2;
    private static final int FIRST_WITH_METRIC_ANOMALIES = 2;
    private static final int INITIAL_BYTES = 4096;
    /** The fewest bytes one tracked alert can take: far more than this, but enough to bound a bad count. */
    private static final int MIN_ALERT_BYTES = 32;
    private static final int MIN_GROUP_BYTES = 32;
    private static final int MIN_LOG_ENTRY_BYTES = StateInput.MIN_STRING_BYTES + 1 + Long.BYTES + Integer.BYTES;

    private AlertingSnapshotCodec() {
    }

    static byte[] encode(AlertingSnapshot state) {
        StateOutput out = new StateOutput(INITIAL_BYTES);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(state.alerts().size());
        for (TrackedAlertState alert : state.alerts()) {
            writeAlert(alert, out);
        }
        out.writeInt(state.groups().size());
        for (AlertGroupState group : state.groups()) {
            writeGroup(group, out);
        }
        out.writeInt(state.log().size());
        for (NotificationLog.Entry entry : state.log()) {
            out.writeString(entry.alertId());
            out.writeBoolean(entry.status() == AlertStatus.RESOLVED);
            StateFields.writeInstant(entry.at(), out);
        }
        byte[] bytes = new byte[out.size()];
        out.copyInto(bytes, 0);
        return bytes;
    }

    /** @throws IllegalArgumentException when the bytes are not a whole alerting state of this version */
    static AlertingSnapshot decode(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("alerting state is null");
        }
        try {
            StateInput in = new StateInput(bytes, 0, bytes.length);
            int magic = in.readInt("magic");
            if (magic != MAGIC) {
                throw new IllegalArgumentException(String.format("not an alerting state: magic is 0x%08X", magic));
            }
            int version = in.readInt("version");
            if (version != VERSION && version != FIRST_WITH_METRIC_ANOMALIES - 1) {
                throw new IllegalArgumentException("alerting state version " + version + " is not " + VERSION);
            }
            boolean withAnomalies = version >= FIRST_WITH_METRIC_ANOMALIES;
            int alertCount = in.readCount("tracked alerts", MIN_ALERT_BYTES);
            List<TrackedAlertState> alerts = new ArrayList<>();
            for (int i = 0; i < alertCount; i++) {
                alerts.add(readAlert(in, withAnomalies));
            }
            int groupCount = in.readCount("notification groups", MIN_GROUP_BYTES);
            List<AlertGroupState> groups = new ArrayList<>();
            for (int i = 0; i < groupCount; i++) {
                groups.add(readGroup(in));
            }
            int logCount = in.readCount("notification log entries", MIN_LOG_ENTRY_BYTES);
            List<NotificationLog.Entry> log = new ArrayList<>();
            for (int i = 0; i < logCount; i++) {
                log.add(new NotificationLog.Entry(in.readString("alert id"),
                        in.readBoolean("resolved") ? AlertStatus.RESOLVED : AlertStatus.FIRING, StateFields.readInstant(in)));
            }
            in.expectEnd("alerting state");
            return new AlertingSnapshot(alerts, groups, log);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // CorruptStateException, and whatever a record constructor says about impossible values
            throw new IllegalArgumentException("corrupt alerting state: " + e.getMessage(), e);
        }
    }

    private static void writeAlert(TrackedAlertState alert, StateOutput out) {
        out.writeString(alert.fingerprint());
        out.writeString(alert.id());
        StateFields.writeInstant(alert.startsAt(), out);
        FindingCodec.write(alert.finding(), out);
        StateFields.writeInstant(alert.firingFrom(), out);
        StateFields.writeNullableInstant(alert.lastNotifiedAt(), out);
        out.writeString(alert.suppressedBy());
        out.writeBoolean(alert.mutedWhenDue());
        StateFields.writeStrings(alert.suppressed(), out);
        out.writeBoolean(alert.resolving() != null);
        if (alert.resolving() != null) {
            FindingCodec.write(alert.resolving(), out);
            StateFields.writeInstant(alert.resolveDueAt(), out);
        }
    }

    private static TrackedAlertState readAlert(StateInput in, boolean withAnomalies) {
        String fingerprint = in.readString("fingerprint");
        String id = in.readString("alert id");
        Instant startsAt = StateFields.readInstant(in);
        var finding = FindingCodec.read(in, withAnomalies);
        Instant firingFrom = StateFields.readInstant(in);
        Instant lastNotifiedAt = StateFields.readNullableInstant(in);
        String suppressedBy = in.readNullableString("inhibited by");
        boolean mutedWhenDue = in.readBoolean("muted when due");
        List<String> suppressed = StateFields.readStrings(in, "suppressed alerts");
        boolean resolving = in.readBoolean("resolving");
        var resolve = resolving ? FindingCodec.read(in, withAnomalies) : null;
        Instant resolveDueAt = resolving ? StateFields.readInstant(in) : null;
        return new TrackedAlertState(fingerprint, id, startsAt, finding, firingFrom, lastNotifiedAt,
                suppressedBy, mutedWhenDue, suppressed, resolve, resolveDueAt);
    }

    private static void writeGroup(AlertGroupState group, StateOutput out) {
        writeTarget(group.target(), out);
        out.writeString(group.key());
        StateFields.writeLabels(group.labels(), out);
        StateFields.writeInstant(group.createdAt(), out);
        StateFields.writeStrings(group.members(), out);
        out.writeInt(group.resolved().size());
        group.resolved().forEach(alert -> NotificationCodec.writeAlert(alert, out));
        StateFields.writeNullableInstant(group.lastSentAt(), out);
        StateFields.writeStrings(group.lastSentFiring(), out);
        out.writeString(group.lastContent());
        out.writeInt(group.contentRepeats());
    }

    private static AlertGroupState readGroup(StateInput in) {
        RouteTarget target = readTarget(in);
        String key = in.readString("group key");
        var labels = StateFields.readLabels(in);
        Instant createdAt = StateFields.readInstant(in);
        List<String> members = StateFields.readStrings(in, "group members");
        int resolvedCount = in.readCount("resolved alerts", NotificationCodec.MIN_ALERT_BYTES);
        List<Alert> resolved = new ArrayList<>();
        for (int i = 0; i < resolvedCount; i++) {
            resolved.add(NotificationCodec.readAlert(in));
        }
        Instant lastSentAt = StateFields.readNullableInstant(in);
        List<String> lastSentFiring = StateFields.readStrings(in, "last sent firing");
        String lastContent = in.readString("last content");
        int contentRepeats = in.readInt("content repeats");
        return new AlertGroupState(target, key, labels, createdAt, members, resolved, lastSentAt, lastSentFiring,
                lastContent, contentRepeats);
    }

    private static void writeTarget(RouteTarget target, StateOutput out) {
        out.writeString(target.routeKey());
        out.writeString(target.receiver());
        StateFields.writeStrings(target.sinks(), out);
        StateFields.writeStrings(target.groupBy(), out);
        StateFields.writeDuration(target.timings().groupWait(), out);
        StateFields.writeDuration(target.timings().groupInterval(), out);
        StateFields.writeDuration(target.timings().repeatInterval(), out);
        out.writeBoolean(target.rateLimit() != null);
        if (target.rateLimit() != null) {
            out.writeInt(target.rateLimit().count());
            StateFields.writeDuration(target.rateLimit().per(), out);
        }
    }

    private static RouteTarget readTarget(StateInput in) {
        String routeKey = in.readString("route key");
        String receiver = in.readString("receiver");
        List<String> sinks = StateFields.readStrings(in, "receiver sinks");
        List<String> groupBy = StateFields.readStrings(in, "group by");
        GroupTimings timings = new GroupTimings(StateFields.readDuration(in), StateFields.readDuration(in), StateFields.readDuration(in));
        RateLimit rateLimit = in.readBoolean("has rate limit") ? new RateLimit(in.readInt("rate"), StateFields.readDuration(in)) : null;
        return new RouteTarget(routeKey, receiver, sinks, groupBy, timings, rateLimit);
    }
}

package io.seismo.daemon.alerting;

import io.seismo.daemon.route.RouteTarget;
import io.seismo.daemon.route.Routing;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Grouping as Alertmanager does it: alerts routed to the same target that share the values of its {@code groupBy}
 * labels go out in one notification carrying them all. A group speaks first after {@code groupWait}, then after
 * {@code groupInterval} when its alerts changed (one joined, left or resolved) and after {@code repeatInterval}
 * when they did not. {@code groupBy: ["..."]} groups by every label: one group per alert. A group's notification
 * goes to each sink of its receiver, within the receiver's rate limit.
 */
final class NotificationGroups {
    /** The group-by entry that means every label. */
    static final String ALL_LABELS = "...";
    private static final char SEPARATOR = '\u0000';

    private final AlertingMetrics metrics;
    private final ReceiverRateLimiter rateLimiter = new ReceiverRateLimiter();
    /** By route, receiver and group key, in order of creation. */
    private final Map<String, AlertGroup> groups = new LinkedHashMap<>();
    /** Which targets' groups each alert (by fingerprint) joined: saves rendering it again every tick. */
    private final Map<String, Set<String>> targetsByFingerprint = new HashMap<>();

    NotificationGroups(AlertingMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Puts a visible alert into its group for each target it is not in yet, creating groups as needed. An alert
     * that was already announced (restored from the log, or firing before a reload added the receiver) joins as
     * said, so it goes out at its group's next repeat, not at once.
     */
    void assign(TrackedAlert tracked, Routing routing, Instant now) {
        if (targetsByFingerprint.containsKey(tracked.fingerprint())) {
            return;
        }
        Alert rendered = tracked.asFiring();
        Set<String> joined = targetsByFingerprint.computeIfAbsent(tracked.fingerprint(), fp -> new HashSet<>());
        for (RouteTarget target : routing.targets(rendered.labels())) {
            if (!joined.add(targetId(target))) {
                continue;
            }
            AlertGroup group = groupFor(target, tracked, rendered.labels(), now);
            group.members().add(tracked.fingerprint());
            if (tracked.wasNotified()) {
                group.seedAsSent(tracked.fingerprint(), tracked.lastNotifiedAt());
            }
        }
    }

    /**
     * An alert left: resolved ({@code resolve} is what its receivers hear, or null when nothing is to be said) or
     * dropped. A resolve for an alert in no group (it was muted throughout) gets groups that may speak at once.
     */
    void remove(TrackedAlert tracked, Alert resolve, Routing routing, Instant now) {
        boolean wasMember = targetsByFingerprint.remove(tracked.fingerprint()) != null;
        for (AlertGroup group : groups.values()) {
            if (group.members().remove(tracked.fingerprint()) && resolve != null) {
                group.resolved().add(resolve);
            }
        }
        if (resolve != null && !wasMember) {
            for (RouteTarget target : routing.targets(resolve.labels())) {
                groupFor(target, tracked, resolve.labels(), now.minus(target.timings().groupWait())).resolved().add(resolve);
            }
        }
        groups.values().removeIf(AlertGroup::isEmpty);
    }

    /**
     * The notifications due at {@code now}, one per live sink of each group's receiver; groups holding a cascade
     * first, so the root cause is read first.
     */
    List<Notification> flush(Instant now, Map<String, TrackedAlert> tracked, Set<String> liveSinks,
                                     String externalUrl) {
        List<Notification> out = new ArrayList<>();
        for (AlertGroup group : groups.values()) {
            List<TrackedAlert> firing = group.members().stream().map(tracked::get)
                    .filter(alert -> alert != null && alert.isVisible(now))
                    .sorted(Comparator.comparing((TrackedAlert alert) -> !alert.isCascade())
                            .thenComparing(TrackedAlert::startsAt).thenComparing(TrackedAlert::fingerprint))
                    .toList();
            if (firing.isEmpty() && group.resolved().isEmpty()) {
                continue;
            }
            Set<String> firingNow = new LinkedHashSet<>();
            firing.forEach(alert -> firingNow.add(alert.fingerprint()));
            RouteTarget target = group.target();
            if (!group.mayNotify(now, group.changedFrom(firingNow))) {
                continue;
            }
            if (!rateLimiter.tryAcquire(target.receiver(), target.rateLimit(), now)) {
                metrics.notificationsRateLimited(target.receiver());
                continue;
            }
            List<Alert> alerts = new ArrayList<>();
            firing.forEach(alert -> alerts.add(alert.asFiring()));
            alerts.addAll(group.resolved());
            String content = content(alerts);
            int repeat = group.sent(firingNow, content, now);
            AlertStatus status = firing.isEmpty() ? AlertStatus.RESOLVED : AlertStatus.FIRING;
            for (String sink : target.sinks()) {
                if (liveSinks.contains(sink)) {
                    out.add(new Notification(AlertKeys.notificationKey(sink, groupId(target, group.key()), content, repeat),
                            sink, group.key(), status, group.labels(), alerts, externalUrl));
                }
            }
        }
        groups.values().removeIf(AlertGroup::isEmpty);
        out.sort(Comparator.comparing(notification -> notification.alerts().stream()
                .noneMatch(alert -> alert.cascade() != null)));
        return out;
    }

    List<AlertGroupState> snapshot() {
        return groups.values().stream().map(AlertGroup::state).toList();
    }

    void restore(List<AlertGroupState> states) {
        groups.clear();
        targetsByFingerprint.clear();
        for (AlertGroupState state : states) {
            groups.put(groupId(state.target(), state.key()), AlertGroup.restored(state));
            state.members().forEach(fp -> targetsByFingerprint.computeIfAbsent(fp, k -> new HashSet<>())
                    .add(targetId(state.target())));
        }
    }

    /** Forgets which targets the alerts joined, so that the next tick places them again (the routing changed). */
    void rerouteAll() {
        targetsByFingerprint.clear();
    }

    private AlertGroup groupFor(RouteTarget target, TrackedAlert tracked, Map<String, String> labels, Instant createdAt) {
        Map<String, String> groupLabels = groupLabels(target.groupBy(), labels);
        String key = target.groupBy().contains(ALL_LABELS) ? tracked.fingerprint() : AlertKeys.fingerprint("group", groupLabels);
        return groups.computeIfAbsent(groupId(target, key), id -> new AlertGroup(target, key, groupLabels, createdAt));
    }

    private static Map<String, String> groupLabels(List<String> groupBy, Map<String, String> labels) {
        if (groupBy.contains(ALL_LABELS)) {
            return labels;
        }
        Map<String, String> selected = new TreeMap<>();
        for (String name : groupBy) {
            selected.put(name, labels.getOrDefault(name, ""));
        }
        return selected;
    }

    private static String targetId(RouteTarget target) {
        return target.routeKey() + SEPARATOR + target.receiver();
    }

    private static String groupId(RouteTarget target, String key) {
        return targetId(target) + SEPARATOR + key;
    }

    /** What a notification says: each alert's id and status, in order. Two notifications saying the same match. */
    private static String content(List<Alert> alerts) {
        StringBuilder text = new StringBuilder();
        for (Alert alert : alerts) {
            text.append(alert.id()).append(':').append(alert.status().wireName()).append(';');
        }
        return text.toString();
    }
}

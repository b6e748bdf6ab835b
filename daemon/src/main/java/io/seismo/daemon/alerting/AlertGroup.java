package io.seismo.daemon.alerting;

import io.seismo.daemon.route.GroupTimings;
import io.seismo.daemon.route.RouteTarget;
import io.seismo.sink.Alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts one route target (a receiver) hears about together (same values of the group-by labels), and what it last heard.
 * Mutable, confined to the alerting thread inside {@link NotificationGroups}.
 */
final class AlertGroup {
    private final RouteTarget target;
    private final String key;
    private final Map<String, String> labels;
    private final Instant createdAt;
    private final Set<String> members = new LinkedHashSet<>();
    private final List<Alert> resolved = new ArrayList<>();
    private final Set<String> lastSentFiring = new LinkedHashSet<>();
    private Instant lastSentAt;
    private String lastContent = "";
    private int contentRepeats;

    AlertGroup(RouteTarget target, String key, Map<String, String> labels, Instant createdAt) {
        this.target = target;
        this.key = key;
        this.labels = Map.copyOf(labels);
        this.createdAt = createdAt;
    }

    static AlertGroup restored(AlertGroupState state) {
        AlertGroup group = new AlertGroup(state.target(), state.key(), state.labels(), state.createdAt());
        group.members.addAll(state.members());
        group.resolved.addAll(state.resolved());
        group.lastSentAt = state.lastSentAt();
        group.lastSentFiring.addAll(state.lastSentFiring());
        group.lastContent = state.lastContent();
        group.contentRepeats = state.contentRepeats();
        return group;
    }

    AlertGroupState state() {
        return new AlertGroupState(target, key, labels, createdAt, List.copyOf(members), resolved, lastSentAt,
                List.copyOf(lastSentFiring), lastContent, contentRepeats);
    }

    RouteTarget target() {
        return target;
    }

    String key() {
        return key;
    }

    Map<String, String> labels() {
        return labels;
    }

    Set<String> members() {
        return members;
    }

    List<Alert> resolved() {
        return resolved;
    }

    boolean isEmpty() {
        return members.isEmpty() && resolved.isEmpty();
    }

    /**
     * When it may speak next at the earliest: its group wait after creation, then {@code groupInterval} after its
     * last notification for a change, {@code repeatInterval} for the same content again.
     */
    boolean mayNotify(Instant now, boolean changed) {
        GroupTimings timings = target.timings();
        if (lastSentAt == null) {
            return !now.isBefore(createdAt.plus(timings.groupWait()));
        }
        return !now.isBefore(lastSentAt.plus(changed ? timings.groupInterval() : timings.repeatInterval()));
    }

    /** True when the firing alerts differ from what it last said, or resolves wait. */
    boolean changedFrom(Set<String> firingNow) {
        return !resolved.isEmpty() || !lastSentFiring.equals(firingNow);
    }

    /** An alert restored as already announced (from the notification log) counts as said, so a replay is quiet. */
    void seedAsSent(String fingerprint, Instant at) {
        if (lastSentAt == null || at.isAfter(lastSentAt)) {
            lastSentAt = at;
        }
        lastSentFiring.add(fingerprint);
    }

    /** Records a notification and returns its repeat number: how often this same content went out before. */
    int sent(Set<String> firing, String content, Instant at) {
        contentRepeats = content.equals(lastContent) ? contentRepeats + 1 : 0;
        lastContent = content;
        lastSentAt = at;
        lastSentFiring.clear();
        lastSentFiring.addAll(firing);
        resolved.clear();
        return contentRepeats;
    }
}

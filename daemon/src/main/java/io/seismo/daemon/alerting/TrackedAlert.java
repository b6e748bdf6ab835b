package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.MetricAnomaly;
import io.seismo.rules.finding.Onset;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One firing alert as the lifecycle tracks it. Mutable on purpose: it lives only inside {@link AlertLifecycle}
 * on the alerting thread and never escapes; what leaves that thread is the immutable {@link io.seismo.sink.Alert}
 * rendered from it.
 */
final class TrackedAlert {
    private final String fingerprint;
    private final String id;
    private final Instant startsAt;
    private final SortedSet<String> suppressed = new TreeSet<>();
    /** Until then the alert is pending (its {@code for} duration has not passed) and says nothing. */
    private final Instant firingFrom;
    private Finding finding;
    private Instant lastNotifiedAt;
    /** Why it is muted now ({@code cascade:<id>}, {@code inhibitRule:<n>}, {@code silence:<id>}), or null. */
    private String suppressedBy;
    /** It would have been notified but was muted: with sendResolvedWhenMuted its resolve still goes out. */
    private boolean mutedWhenDue;
    /** A resolve waiting for its hysteresis (resolveAfter) to pass; null while the condition holds. */
    private Finding resolving;
    private Instant resolveDueAt;
    /**
     * This alert rendered as firing, until it changes: the API's view of the alerts is published after every round
     * of findings and every tick, and rendering each tracked alert anew every time made the alerting thread
     * allocate as much as ingest (40 MB/s at 75,000 lines/s; JFR), all garbage for the collector.
     */
    private Alert asFiring;

    TrackedAlert(String fingerprint, String id, Instant startsAt, Finding finding, Instant firingFrom) {
        this.fingerprint = fingerprint;
        this.id = id;
        this.startsAt = startsAt;
        this.finding = finding;
        this.firingFrom = firingFrom;
    }

    /** Rebuilds an alert from a snapshot. */
    static TrackedAlert restored(TrackedAlertState state) {
        TrackedAlert alert = new TrackedAlert(state.fingerprint(), state.id(), state.startsAt(), state.finding(),
                state.firingFrom());
        alert.lastNotifiedAt = state.lastNotifiedAt();
        alert.suppressedBy = state.suppressedBy();
        alert.mutedWhenDue = state.mutedWhenDue();
        alert.suppressed.addAll(state.suppressed());
        alert.resolving = state.resolving();
        alert.resolveDueAt = state.resolveDueAt();
        return alert;
    }

    /** Everything about this alert, for a snapshot. */
    TrackedAlertState state() {
        return new TrackedAlertState(fingerprint, id, startsAt, finding, firingFrom, lastNotifiedAt,
                suppressedBy, mutedWhenDue, List.copyOf(suppressed), resolving, resolveDueAt);
    }

    String fingerprint() {
        return fingerprint;
    }

    String id() {
        return id;
    }

    Instant startsAt() {
        return startsAt;
    }

    Finding finding() {
        return finding;
    }

    boolean isCascade() {
        return finding.isCascade();
    }

    /** The {@code service} label, or null for an alert that is not about one service. */
    String service() {
        return finding.labels().get("service");
    }

    /**
     * A detector restated this alert (a cascade whose affected set changed): the newest statement wins, except
     * that a cascade keeps every caller it ever took down, so the resolve names the same blast radius as the
     * firing message even when some callers recovered first.
     */
    void restate(Finding newer) {
        finding = finding.isCascade() && newer.isCascade() ? withAffectedOf(finding, newer) : newer;
        asFiring = null;
    }

    /** This alert as a sink receives it while it fires. */
    Alert asFiring() {
        if (asFiring == null) {
            asFiring = AlertRenderer.render(this, AlertStatus.FIRING, null);
        }
        return asFiring;
    }

    private static Finding withAffectedOf(Finding older, Finding newer) {
        Map<String, Onset> onsets = new LinkedHashMap<>();
        for (Onset onset : older.cascade().timeline()) {
            onsets.put(onset.service(), onset);
        }
        for (Onset onset : newer.cascade().timeline()) {
            onsets.putIfAbsent(onset.service(), onset);
        }
        Set<String> affected = new LinkedHashSet<>(older.cascade().affectedServices());
        affected.addAll(newer.cascade().affectedServices());
        // A metric anomaly seen when the cascade fired stays part of its story; a newer one of the same rule
        // and service replaces it.
        Map<String, MetricAnomaly> anomalies = new LinkedHashMap<>();
        for (MetricAnomaly anomaly : older.cascade().metricAnomalies()) {
            anomalies.put(anomaly.service() + '\u0000' + anomaly.rule(), anomaly);
        }
        for (MetricAnomaly anomaly : newer.cascade().metricAnomalies()) {
            anomalies.put(anomaly.service() + '\u0000' + anomaly.rule(), anomaly);
        }
        CascadeDetail merged = new CascadeDetail(newer.cascade().rootService(), List.copyOf(affected),
                List.copyOf(onsets.values()), List.copyOf(anomalies.values()));
        return newer.withCascade(merged);
    }

    boolean wasNotified() {
        return lastNotifiedAt != null;
    }

    /**
     * Receivers may hear of it at {@code now}: past its {@code for} and not muted. An alert waiting out its resolve
     * hysteresis still fires as far as they know, so its group keeps carrying it until the resolve.
     */
    boolean isVisible(Instant now) {
        return !isPending(now) && !isInhibited();
    }

    /** When it was last part of a firing notification; null before the first. */
    Instant lastNotifiedAt() {
        return lastNotifiedAt;
    }

    /** When its {@code for} duration ends. */
    Instant firingFrom() {
        return firingFrom;
    }

    /** Still within its {@code for} duration at {@code now}. */
    boolean isPending(Instant now) {
        return now.isBefore(firingFrom);
    }

    void markNotified(Instant at) {
        lastNotifiedAt = at;
    }


    boolean isInhibited() {
        return suppressedBy != null;
    }

    /** Why it is muted, or null. */
    String suppressedBy() {
        return suppressedBy;
    }

    /**
     * Mutes it for {@code reason}, or unmutes it when null; an unmuted alert joins its notification group again.
     *
     * @return true when it was not muted before and is now
     */
    boolean muteFor(String reason) {
        boolean newlyMuted = suppressedBy == null && reason != null;
        suppressedBy = reason;
        return newlyMuted;
    }

    /** Its labels as receivers see them: the finding's plus {@code alertname}, {@code severity}, {@code seismo_kind}. */
    Map<String, String> labels() {
        return AlertRenderer.labels(finding);
    }

    /** Still there and firing (past its {@code for}, not resolving): it may inhibit others. */
    boolean isFiring(Instant now) {
        return !isPending(now) && resolving == null;
    }

    void markMutedWhenDue() {
        mutedWhenDue = true;
    }

    boolean wasMutedWhenDue() {
        return mutedWhenDue;
    }

    /** The condition stopped holding: the resolve goes out at {@code dueAt} unless the alert fires again first. */
    void startResolving(Finding resolve, Instant due) {
        if (resolving == null) {
            resolving = resolve;
            resolveDueAt = due;
        }
    }

    /** It fired again within its resolve hysteresis: the pending resolve is cancelled. */
    void cancelResolving() {
        resolving = null;
        resolveDueAt = null;
    }

    /** The pending resolve, once its hysteresis is over at {@code now}; else null. */
    Finding resolveDue(Instant now) {
        return resolving != null && !now.isBefore(resolveDueAt) ? resolving : null;
    }

    /** For a cascade: remembers a per-service alert it covered, so its messages can say so. */
    void addSuppressed(String description) {
        if (suppressed.add(description)) {
            asFiring = null;
        }
    }

    List<String> suppressed() {
        return List.copyOf(suppressed);
    }

    /** {@code rule{service="checkout"}}: how a cascade names an alert it suppressed. */
    String shortName() {
        Map<String, String> labels = finding.labels();
        String service = labels.get("service");
        return service == null ? finding.ruleName() : finding.ruleName() + "{service=\"" + service + "\"}";
    }
}

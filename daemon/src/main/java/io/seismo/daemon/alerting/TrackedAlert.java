package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.Onset;

import java.time.Duration;
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
    private Finding finding;
    private Instant dueAt;
    private Instant lastNotifiedAt;
    private boolean inhibited;

    TrackedAlert(String fingerprint, String id, Instant startsAt, Finding finding, Instant dueAt) {
        this.fingerprint = fingerprint;
        this.id = id;
        this.startsAt = startsAt;
        this.finding = finding;
        this.dueAt = dueAt;
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
        CascadeDetail merged = new CascadeDetail(newer.cascade().rootService(), List.copyOf(affected),
                List.copyOf(onsets.values()));
        return new Finding(newer.ruleName(), newer.kind(), newer.key(), newer.firing(), newer.severity(),
                newer.atNanos(), newer.windowStartNanos(), newer.windowEndNanos(), newer.labels(), newer.values(),
                newer.condition(), newer.evidence(), merged);
    }

    boolean wasNotified() {
        return lastNotifiedAt != null;
    }

    /** True when it should go out at {@code now}: first notification after the group wait, or a repeat. */
    boolean isDue(Instant now, Duration repeatInterval) {
        if (inhibited) {
            return false;
        }
        Instant next = lastNotifiedAt == null ? dueAt : lastNotifiedAt.plus(repeatInterval);
        return !now.isBefore(next);
    }

    void markNotified(Instant at) {
        lastNotifiedAt = at;
    }

    boolean isInhibited() {
        return inhibited;
    }

    void inhibit() {
        inhibited = true;
    }

    /** No cascade covers it any more: it goes out like a new alert would, after a fresh group wait. */
    void release(Instant newDueAt) {
        inhibited = false;
        if (newDueAt.isAfter(dueAt)) {
            dueAt = newDueAt;
        }
    }

    /** For a cascade: remembers a per-service alert it covered, so its messages can say so. */
    void addSuppressed(String description) {
        suppressed.add(description);
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

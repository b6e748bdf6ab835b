package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings in, notifications out: the single-threaded core of alerting. Time is passed in and no thread or
 * clock is touched, so the same inputs always give the same outputs (tests run it on virtual time).
 *
 * <ul>
 *   <li>A new firing alert waits {@code groupWait} before its first notification, so that a cascade arriving
 *       within it can still inhibit it; a detector restating the alert meanwhile (a cascade whose affected set
 *       grew) replaces what will be sent, and the alert goes out once, in its latest form.</li>
 *   <li>A firing alert is sent again only every {@code repeatInterval}.</li>
 *   <li>A resolve sends one RESOLVED notification for an alert that was notified. An alert that resolves before
 *       anything was said about it (within its group wait, or while inhibited throughout) is dropped silently:
 *       there is nothing to take back, and a resolve for an alert nobody saw is noise.</li>
 *   <li>While a cascade fires, the per-service alerts of its root and affected services are not notified; the
 *       cascade lists them. An alert notified before the cascade arrived still gets its resolve. When no cascade
 *       covers an alert any more, it goes out like a new alert, after a fresh group wait.</li>
 *   <li>One notification per alert per receiver, grouped by fingerprint.</li>
 * </ul>
 */
public final class AlertLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLifecycle.class);

    private final AlertingOptions options;
    /** Not final: a reload that changes the sinks replaces the receivers, on the same single thread. */
    private List<String> receivers;
    private final AlertingMetrics metrics;
    private final NotificationLog log;
    /** Firing alerts by fingerprint, in order of arrival; a resolved alert leaves this map. */
    private final Map<String, TrackedAlert> firing = new LinkedHashMap<>();

    public AlertLifecycle(AlertingOptions options, List<String> receivers, AlertingMetrics metrics, NotificationLog log) {
        this.options = options;
        this.receivers = List.copyOf(receivers);
        this.metrics = metrics;
        this.log = log;
    }

    /** A lifecycle that counts nothing and starts with an empty notification log. */
    public AlertLifecycle(AlertingOptions options, List<String> receivers) {
        this(options, receivers, AlertingMetrics.NOOP, new NotificationLog(NotificationLog.DEFAULT_CAPACITY));
    }

    /**
     * Sends everything from now on to these receivers; the firing alerts, their group waits and repeat times are
     * kept, so a sink added by a reload gets an alert that is already firing at its next repeat, not at once.
     */
    public void replaceReceivers(List<String> next) {
        receivers = List.copyOf(next);
    }

    /** Applies one round of findings (cascades first, as the correlator emits them) and returns what is due now. */
    public List<Notification> onFindings(List<Finding> round, Instant now) {
        List<Notification> out = new ArrayList<>();
        for (Finding finding : round) {
            Optional<String> problem = FindingCheck.problem(finding);
            if (problem.isPresent()) {
                metrics.findingsRejected();
                LOG.warn("Skipping a finding alerting cannot use: {}", problem.get());
                continue;
            }
            metrics.findingsReceived(finding.kind());
            if (finding.firing()) {
                fire(finding, now);
            } else {
                resolve(finding, now, out);
            }
        }
        int newlyInhibited = CascadeInhibition.apply(firing.values(), now.plus(options.groupWait()));
        for (int i = 0; i < newlyInhibited; i++) {
            metrics.alertsInhibited();
        }
        out.addAll(due(now));
        return out;
    }

    /** First notifications whose group wait is over, and repeats whose interval is over. */
    public List<Notification> onTick(Instant now) {
        return due(now);
    }

    /** The alerts firing now, inhibited ones included, oldest first. */
    public List<Alert> active() {
        return firing.values().stream()
                .sorted(Comparator.comparing(TrackedAlert::startsAt).thenComparing(TrackedAlert::fingerprint))
                .map(tracked -> AlertRenderer.render(tracked, AlertStatus.FIRING, null))
                .toList();
    }

    private void fire(Finding finding, Instant now) {
        String fingerprint = AlertKeys.fingerprint(finding.ruleName(), finding.labels());
        TrackedAlert tracked = firing.get(fingerprint);
        if (tracked != null) {
            tracked.restate(finding);
            return;
        }
        Instant startsAt = AlertTimes.instant(finding.atNanos());
        tracked = new TrackedAlert(fingerprint, AlertKeys.alertId(fingerprint, startsAt), startsAt, finding,
                now.plus(options.groupWait()));
        // A replayed finding rebuilds an alert that was already announced before a restart: don't announce it again.
        log.last(tracked.id()).map(NotificationLog.Entry::at).ifPresent(tracked::markNotified);
        firing.put(fingerprint, tracked);
    }

    private void resolve(Finding finding, Instant now, List<Notification> out) {
        String fingerprint = AlertKeys.fingerprint(finding.ruleName(), finding.labels());
        TrackedAlert tracked = firing.remove(fingerprint);
        if (tracked == null) {
            LOG.debug("Resolve for alert {} of rule '{}' that is not firing; ignored", fingerprint, finding.ruleName());
            return;
        }
        boolean resolveAlreadySent = log.last(tracked.id()).map(e -> e.status() == AlertStatus.RESOLVED).orElse(false);
        if (!tracked.wasNotified() || resolveAlreadySent) {
            LOG.debug("Alert {} of rule '{}' resolved with nothing to take back; dropped", tracked.id(), finding.ruleName());
            return;
        }
        Alert alert = AlertRenderer.render(tracked, AlertStatus.RESOLVED, AlertTimes.instant(finding.atNanos()));
        log.record(tracked.id(), AlertStatus.RESOLVED, now);
        out.addAll(notifications(alert));
    }

    private List<Notification> due(Instant now) {
        List<Notification> out = new ArrayList<>();
        // Cascades first, so that whoever reads the messages in order meets the root cause before anything else.
        firing.values().stream()
                .sorted(Comparator.comparing(tracked -> !tracked.isCascade()))
                .filter(tracked -> tracked.isDue(now, options.repeatInterval()))
                .forEach(tracked -> {
                    tracked.markNotified(now);
                    log.record(tracked.id(), AlertStatus.FIRING, now);
                    out.addAll(notifications(AlertRenderer.render(tracked, AlertStatus.FIRING, null)));
                });
        return out;
    }

    private List<Notification> notifications(Alert alert) {
        return receivers.stream()
                .map(receiver -> new Notification(receiver, alert.fingerprint(), alert.status(), alert.labels(),
                        List.of(alert), options.externalUrl()))
                .toList();
    }
}

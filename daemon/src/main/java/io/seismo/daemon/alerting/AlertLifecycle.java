package io.seismo.daemon.alerting;

import io.seismo.daemon.route.RouteTarget;
import io.seismo.daemon.route.Routing;
import io.seismo.rules.finding.Finding;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
 *   <li>With a {@code for} duration (option or the rule's {@code for} label) an alert stays pending, silent,
 *       until that long has passed; a resolve before then drops it.</li>
 *   <li>With {@code resolveAfter} a resolve waits that long; an alert that fires again meanwhile never resolved
 *       (no flapping). With {@code sendResolvedWhenMuted} an alert muted when it was due still gets its resolve.</li>
 *   <li>Alerts reach each receiver through {@link NotificationGroups} ({@code groupBy}, {@code groupWait},
 *       {@code groupInterval}, {@code repeatInterval}); by default one group per alert. Each notification has a
 *       deterministic outbox key.</li>
 * </ul>
 */
public final class AlertLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLifecycle.class);

    private final AlertingOptions options;
    /** Not final: a reload that changes the sinks replaces the receivers (sink names), on the same single thread. */
    private List<String> receivers;
    /** Route tree (null: every sink is a receiver of its own and gets every alert), inhibit rules, silences. */
    private final AlertPolicy policy;
    /** The route tree, or each sink as its own receiver; follows {@link #replaceReceivers}. */
    private Routing routing;
    private final AlertingMetrics metrics;
    private final NotificationLog log;
    /** Firing alerts by fingerprint, in order of arrival; a resolved alert leaves this map. */
    private final Map<String, TrackedAlert> firing = new LinkedHashMap<>();
    private final NotificationGroups groups;

    public AlertLifecycle(AlertingOptions options, List<String> receivers, AlertingMetrics metrics, NotificationLog log) {
        this(options, receivers, AlertPolicy.DEFAULT, metrics, log);
    }

    /** @param policy where alerts go and what mutes them */
    public AlertLifecycle(AlertingOptions options, List<String> sinks, AlertPolicy policy, AlertingMetrics metrics,
                          NotificationLog log) {
        this.options = options;
        this.receivers = List.copyOf(sinks);
        this.policy = policy;
        this.routing = routingFor(receivers);
        this.metrics = metrics;
        this.log = log;
        this.groups = new NotificationGroups(metrics);
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
        routing = routingFor(receivers);
        groups.rerouteAll();
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
                resolve(finding, now);
            }
        }
        out.addAll(due(now));
        return out;
    }

    /** First notifications whose group wait is over, repeats whose interval is over, resolves past hysteresis. */
    public List<Notification> onTick(Instant now) {
        return due(now);
    }

    /** The alerts firing now, inhibited ones included, oldest first. */
    public List<Alert> active() {
        return oldestFirst()
                .map(TrackedAlert::asFiring)
                .toList();
    }

    /** The alerts tracked now with where each stands (pending, firing, suppressed, resolving) and why. */
    public List<ActiveAlert> activeStates(Instant now) {
        return oldestFirst()
                .map(tracked -> new ActiveAlert(tracked.asFiring(),
                        ActiveAlert.State.of(tracked, now), tracked.suppressedBy()))
                .toList();
    }

    private Stream<TrackedAlert> oldestFirst() {
        return firing.values().stream()
                .sorted(Comparator.comparing(TrackedAlert::startsAt).thenComparing(TrackedAlert::fingerprint));
    }

    /** Every tracked alert, the notification groups and the notification log, for a checkpoint. */
    AlertingSnapshot snapshot() {
        return new AlertingSnapshot(firing.values().stream().map(TrackedAlert::state).toList(), groups.snapshot(),
                log.entries());
    }

    /** Replaces all state with a checkpoint's. */
    void restore(AlertingSnapshot state) {
        firing.clear();
        for (TrackedAlertState alert : state.alerts()) {
            firing.put(alert.fingerprint(), TrackedAlert.restored(alert));
        }
        groups.restore(state.groups());
        log.replaceWith(state.log());
    }

    private void fire(Finding finding, Instant now) {
        String fingerprint = AlertKeys.fingerprint(finding.ruleName(), finding.labels());
        TrackedAlert tracked = firing.get(fingerprint);
        if (tracked != null) {
            tracked.cancelResolving(); // it holds again within its resolve hysteresis: it never resolved
            tracked.restate(finding);
            return;
        }
        Instant startsAt = AlertTimes.instant(finding.atNanos());
        Instant firingFrom = now.plus(PendingFor.of(finding, options.forDuration()));
        tracked = new TrackedAlert(fingerprint, AlertKeys.alertId(fingerprint, startsAt), startsAt, finding, firingFrom);
        // A replayed finding rebuilds an alert that was already announced before a restart: don't announce it again.
        log.last(tracked.id()).map(NotificationLog.Entry::at).ifPresent(tracked::markNotified);
        firing.put(fingerprint, tracked);
    }

    private void resolve(Finding finding, Instant now) {
        String fingerprint = AlertKeys.fingerprint(finding.ruleName(), finding.labels());
        TrackedAlert tracked = firing.get(fingerprint);
        if (tracked == null) {
            LOG.debug("Resolve for alert {} of rule '{}' that is not firing; ignored", fingerprint, finding.ruleName());
            return;
        }
        tracked.startResolving(finding, now.plus(options.resolveAfter()));
        resolveIfDue(tracked, now);
    }

    /** Ends the alert once its resolve hysteresis is over; its groups tell the resolve on their next flush. */
    private void resolveIfDue(TrackedAlert tracked, Instant now) {
        Finding resolve = tracked.resolveDue(now);
        if (resolve == null) {
            return;
        }
        firing.remove(tracked.fingerprint());
        boolean resolveAlreadySent = log.last(tracked.id()).map(e -> e.status() == AlertStatus.RESOLVED).orElse(false);
        boolean heard = tracked.wasNotified() || (options.sendResolvedWhenMuted() && tracked.wasMutedWhenDue());
        if (!heard || resolveAlreadySent) {
            LOG.debug("Alert {} of rule '{}' resolved with nothing to take back; dropped", tracked.id(), resolve.ruleName());
            groups.remove(tracked, null, routing, now);
            return;
        }
        Alert alert = AlertRenderer.render(tracked, AlertStatus.RESOLVED, AlertTimes.instant(resolve.atNanos()));
        log.record(tracked.id(), AlertStatus.RESOLVED, now);
        groups.remove(tracked, alert, routing, now);
    }

    private Routing routingFor(List<String> sinks) {
        if (policy.routeTree() != null) {
            return policy.routeTree();
        }
        List<RouteTarget> eachSink = sinks.stream()
                .map(sink -> new RouteTarget("", sink, List.of(sink), options.groupBy(), options.timings(), null))
                .toList();
        return labels -> eachSink;
    }

    private List<Notification> due(Instant now) {
        List<Notification> out = new ArrayList<>();
        int newlyMuted = AlertMuting.apply(firing.values(), policy, now);
        for (int i = 0; i < newlyMuted; i++) {
            metrics.alertsInhibited();
        }
        for (TrackedAlert tracked : new ArrayList<>(firing.values())) {
            resolveIfDue(tracked, now);
        }
        for (TrackedAlert tracked : firing.values()) {
            if (tracked.isVisible(now)) {
                groups.assign(tracked, routing, now);
            } else if (tracked.isInhibited() && !now.isBefore(tracked.firingFrom().plus(options.groupWait()))) {
                tracked.markMutedWhenDue();
            }
        }
        out.addAll(groups.flush(now, firing, new HashSet<>(receivers), options.externalUrl()));
        Set<String> announced = new HashSet<>();
        for (Notification notification : out) {
            for (Alert alert : notification.alerts()) {
                TrackedAlert tracked = firing.get(alert.fingerprint());
                if (alert.status() == AlertStatus.FIRING && tracked != null && announced.add(alert.fingerprint())) {
                    tracked.markNotified(now);
                    log.record(tracked.id(), AlertStatus.FIRING, now);
                }
            }
        }
        return out;
    }
}

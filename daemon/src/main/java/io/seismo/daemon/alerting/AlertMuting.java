package io.seismo.daemon.alerting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, each round, why each alert is muted: a firing cascade covering it first (its message names the root
 * cause), then an inhibit rule, then a silence. Muting only holds notifications back: an alert that was announced
 * still gets its resolve (a resolve is never swallowed).
 */
final class AlertMuting {
    static final String CASCADE = "cascade:";
    static final String INHIBIT_RULE = "inhibitRule:";
    static final String SILENCE = "silence:";

    private static final Logger LOG = LoggerFactory.getLogger(AlertMuting.class);

    private AlertMuting() {
    }

    /** @return how many alerts became muted in this call */
    static int apply(Collection<TrackedAlert> alerts, AlertPolicy policy, Instant now) {
        List<TrackedAlert> cascades = alerts.stream().filter(TrackedAlert::isCascade).toList();
        // Labels of the possible sources computed once per round, not once per pair.
        List<Source> sources = policy.inhibitRules().isEmpty() ? List.of()
                : alerts.stream().filter(alert -> alert.isFiring(now)).map(alert -> new Source(alert, alert.labels())).toList();
        int newlyMuted = 0;
        for (TrackedAlert alert : alerts) {
            if (alert.muteFor(reason(alert, cascades, sources, policy, now))) {
                newlyMuted++;
            }
        }
        return newlyMuted;
    }

    private static String reason(TrackedAlert alert, List<TrackedAlert> cascades, List<Source> sources,
                                 AlertPolicy policy, Instant now) {
        String cascade = CascadeInhibition.coveringCascade(alert, cascades);
        if (cascade != null) {
            return CASCADE + cascade;
        }
        Map<String, String> labels = alert.labels();
        for (InhibitRule rule : policy.inhibitRules()) {
            for (Source source : sources) {
                if (source.alert() != alert && rule.inhibits(source.labels(), labels)) {
                    return INHIBIT_RULE + rule.index();
                }
            }
        }
        return silence(policy.silencer(), labels, now);
    }

    private record Source(TrackedAlert alert, Map<String, String> labels) {
    }

    /** A silence store that fails is logged and taken as silencing nothing: alerting must go on. */
    private static String silence(AlertSilencer silencer, Map<String, String> labels, Instant now) {
        try {
            Optional<String> silence = silencer.silencing(labels, now);
            return silence == null ? null : silence.map(id -> SILENCE + id).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Cannot ask the silences about an alert; taking it as not silenced: {}", e.toString());
            return null;
        }
    }
}

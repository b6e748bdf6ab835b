package io.seismo.rules.finding;

import java.util.Map;

/**
 * What a rule reports when the state of one of its keys changes: {@code firing} true when the condition
 * starts to hold (or holds again after a resolve), false when it stops holding. A detector reports each
 * transition once; the alerting layer owns repeat and resolve notification.
 *
 * <p>Labels always hold {@code alertname} (the rule name) and, for rules keyed by service, {@code service};
 * the user's rule labels are merged in. {@code values} are the figures the condition was evaluated on
 * (count, errors, errorRatio, ...), {@code condition} says what was compared in words.
 */
public record Finding(
        String ruleName,
        FindingKind kind,
        String key,
        boolean firing,
        Severity severity,
        long atNanos,
        long windowStartNanos,
        long windowEndNanos,
        Map<String, String> labels,
        Map<String, Double> values,
        String condition,
        Evidence evidence,
        CascadeDetail cascade) {

    public Finding {
        labels = Map.copyOf(labels);
        values = Map.copyOf(values);
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    public boolean isCascade() {
        return cascade != null;
    }

    /** The same finding with another cascade detail. */
    public Finding withCascade(CascadeDetail detail) {
        return new Finding(ruleName, kind, key, firing, severity, atNanos, windowStartNanos, windowEndNanos, labels,
                values, condition, evidence, detail);
    }
}

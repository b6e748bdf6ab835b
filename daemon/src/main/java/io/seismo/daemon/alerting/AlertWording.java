package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.MetricAnomaly;
import io.seismo.rules.finding.Onset;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The words of an alert, written for a two-second read by whoever is on call: the summary says what broke
 * and how badly, the description adds the figures, the window and the evidence.
 */
final class AlertWording {
    private static final String ERRORS = "errors";
    private static final String COUNT = "count";
    private static final String ERROR_RATIO = "errorRatio";

    private AlertWording() {
    }

    /** {@code Cascade: payments-db is failing and takes down payments, checkout} */
    static String cascadeSummary(CascadeDetail cascade) {
        String root = "Cascade: " + cascade.rootService() + " is failing";
        return cascade.affectedServices().isEmpty()
                ? root
                : root + " and takes down " + String.join(", ", cascade.affectedServices());
    }

    /** {@code checkout: 37 errors in 30s (42% of 88 events)}, or less when the rule measured less. */
    static String thresholdSummary(Finding finding) {
        String subject = finding.labels().getOrDefault("service", finding.ruleName());
        Map<String, Double> values = finding.values();
        String window = windowOf(finding).map(w -> " in " + HumanFormat.duration(w)).orElse("");
        Double errors = values.get(ERRORS);
        Double count = values.get(COUNT);
        if (errors != null) {
            String share = count == null || count <= 0 ? ""
                    : " (" + Math.round(100 * values.getOrDefault(ERROR_RATIO, errors / count)) + "% of "
                    + HumanFormat.number(count) + " events)";
            return subject + ": " + HumanFormat.number(errors) + " errors" + window + share;
        }
        if (count != null) {
            return subject + ": " + HumanFormat.number(count) + " events" + window;
        }
        return subject + ": " + (blank(finding.condition()) ? finding.ruleName() + " fired" : finding.condition());
    }

    /** One line per metric rule firing for a cascade's services, for the {@code metric_anomalies} annotation. */
    static String metricAnomalies(CascadeDetail cascade) {
        return String.join("\n", cascade.metricAnomalies().stream().map(MetricAnomaly::describe).toList());
    }

    static String cascadeDescription(Finding finding, List<String> suppressed) {
        CascadeDetail cascade = finding.cascade();
        StringBuilder text = new StringBuilder()
                .append(cascade.rootService()).append(" turned unhealthy first and depends on no unhealthy service");
        if (!cascade.affectedServices().isEmpty()) {
            text.append("; its callers ").append(String.join(", ", cascade.affectedServices())).append(" failed after it");
        }
        text.append(".\n");
        appendTimeline(text, cascade.timeline());
        if (!cascade.metricAnomalies().isEmpty()) {
            text.append("Metric anomalies at the time:\n");
            cascade.metricAnomalies().forEach(anomaly -> text.append("  ").append(anomaly.describe()).append('\n'));
        }
        appendFacts(text, finding);
        String suppressedLine = suppressedNote(suppressed);
        if (!suppressedLine.isEmpty()) {
            text.append(capitalized(suppressedLine)).append('\n');
        }
        return text.toString().strip();
    }

    static String thresholdDescription(Finding finding) {
        StringBuilder text = new StringBuilder().append(finding.ruleName());
        String service = finding.labels().get("service");
        if (service != null) {
            text.append(" on ").append(service);
        }
        text.append(blank(finding.condition()) ? " fired" : ": " + finding.condition() + " held").append(".\n");
        appendFacts(text, finding);
        return text.toString().strip();
    }

    /** {@code suppressed 3 per-service alerts: a, b, c}, or "" when nothing was suppressed. */
    static String suppressedNote(List<String> suppressed) {
        if (suppressed.isEmpty()) {
            return "";
        }
        String noun = suppressed.size() == 1 ? " per-service alert: " : " per-service alerts: ";
        return "suppressed " + suppressed.size() + noun + String.join(", ", suppressed);
    }

    private static void appendTimeline(StringBuilder text, List<Onset> timeline) {
        if (timeline.isEmpty()) {
            return;
        }
        long firstNanos = timeline.stream().mapToLong(Onset::atNanos).min().orElseThrow();
        text.append("Onset (event time):\n");
        for (Onset onset : timeline) {
            text.append("  ").append(AlertTimes.instant(onset.atNanos())).append("  ").append(onset.service());
            long afterNanos = onset.atNanos() - firstNanos;
            if (afterNanos > 0) {
                text.append(" (+").append(HumanFormat.duration(Duration.ofNanos(afterNanos))).append(')');
            }
            text.append('\n');
        }
    }

    /** What both kinds show: the figures, the window, the condition of a cascade, and the evidence. */
    private static void appendFacts(StringBuilder text, Finding finding) {
        if (!finding.values().isEmpty()) {
            StringBuilder values = new StringBuilder();
            new TreeMap<>(finding.values()).forEach((name, value) ->
                    values.append(values.isEmpty() ? "" : ", ").append(name).append('=').append(HumanFormat.number(value)));
            text.append("Values: ").append(values).append('\n');
        }
        windowOf(finding).ifPresent(window -> text.append("Window: ").append(HumanFormat.duration(window))
                .append(" (").append(AlertTimes.instant(finding.windowStartNanos()))
                .append(" to ").append(AlertTimes.instant(finding.windowEndNanos())).append(")\n"));
        if (finding.isCascade() && !blank(finding.condition())) {
            text.append("Condition: ").append(finding.condition()).append('\n');
        }
        List<String> samples = finding.evidence().sampleMessages();
        if (!samples.isEmpty()) {
            text.append("Sample errors:\n");
            samples.forEach(sample -> text.append("  - ").append(sample).append('\n'));
        }
        if (!finding.evidence().traceIds().isEmpty()) {
            text.append("Trace ids: ").append(String.join(", ", finding.evidence().traceIds())).append('\n');
        }
    }

    private static Optional<Duration> windowOf(Finding finding) {
        long nanos = finding.windowEndNanos() - finding.windowStartNanos();
        return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

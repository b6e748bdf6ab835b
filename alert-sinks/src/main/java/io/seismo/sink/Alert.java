package io.seismo.sink;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a sink receives. {@code id} is deterministic (the same finding always yields the same id, so a
 * replay never notifies twice); {@code fingerprint} identifies the alert series (rule + labels) across its
 * firing and resolved notifications. {@code endsAt} is null while firing. {@code cascade} is null for a
 * non-cascade alert. {@code suppressed} lists the alerts (by fingerprint, with the reason) that this alert
 * inhibited, so that the message can say so. {@code values} holds the figures the rule measured (errors, count,
 * errorRatio …) for templates; it is empty when the producer has none.
 */
public record Alert(
        String id,
        String fingerprint,
        AlertStatus status,
        String ruleName,
        String severity,
        Instant startsAt,
        Instant endsAt,
        String summary,
        String description,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> sampleMessages,
        List<String> traceIds,
        AlertCascade cascade,
        List<String> suppressed,
        Map<String, Double> values) {

    public Alert {
        values = Map.copyOf(values);
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        sampleMessages = List.copyOf(sampleMessages);
        traceIds = List.copyOf(traceIds);
        suppressed = List.copyOf(suppressed);
    }

    /** An alert without measured values (kept so that producers written before values existed still compile). */
    public Alert(String id, String fingerprint, AlertStatus status, String ruleName, String severity, Instant startsAt,
                 Instant endsAt, String summary, String description, Map<String, String> labels,
                 Map<String, String> annotations, List<String> sampleMessages, List<String> traceIds,
                 AlertCascade cascade, List<String> suppressed) {
        this(id, fingerprint, status, ruleName, severity, startsAt, endsAt, summary, description, labels, annotations,
                sampleMessages, traceIds, cascade, suppressed, Map.of());
    }

    /** The same alert with other words: how a sink's template rewrites summary and description. */
    public Alert withWording(String newSummary, String newDescription) {
        return new Alert(id, fingerprint, status, ruleName, severity, startsAt, endsAt, newSummary, newDescription,
                labels, annotations, sampleMessages, traceIds, cascade, suppressed, values);
    }
}

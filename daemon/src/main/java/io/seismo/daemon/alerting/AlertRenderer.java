package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Finding;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertCascade;
import io.seismo.sink.AlertStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a tracked alert into the immutable {@link Alert} a sink receives. */
final class AlertRenderer {

    private AlertRenderer() {
    }

    /** @param endsAt null while firing */
    static Alert render(TrackedAlert tracked, AlertStatus status, Instant endsAt) {
        Finding finding = tracked.finding();
        List<String> suppressed = tracked.suppressed();
        CascadeDetail cascade = finding.cascade();
        Map<String, String> annotations = new HashMap<>();
        String summary;
        String description;
        if (tracked.isCascade()) {
            summary = AlertWording.cascadeSummary(cascade);
            description = AlertWording.cascadeDescription(finding, suppressed);
            annotations.put("root_cause", cascade.rootService());
            annotations.put("affected_services", String.join(", ", cascade.affectedServices()));
            if (!suppressed.isEmpty()) {
                annotations.put("suppressed", AlertWording.suppressedNote(suppressed));
            }
            if (!cascade.metricAnomalies().isEmpty()) {
                annotations.put("metric_anomalies", AlertWording.metricAnomalies(cascade));
            }
        } else {
            summary = AlertWording.thresholdSummary(finding);
            description = AlertWording.thresholdDescription(finding);
        }
        if (finding.condition() != null && !finding.condition().isBlank()) {
            annotations.put("condition", finding.condition());
        }
        return new Alert(tracked.id(), tracked.fingerprint(), status, finding.ruleName(),
                finding.severity().name().toLowerCase(Locale.ROOT), tracked.startsAt(), endsAt, summary, description,
                labels(finding), annotations, finding.evidence().sampleMessages(), finding.evidence().traceIds(),
                cascade == null ? null : alertCascade(cascade), suppressed, finding.values());
    }

    /** The finding's labels plus {@code severity} and {@code seismo_kind}, which routing and templates key on. */
    static Map<String, String> labels(Finding finding) {
        Map<String, String> labels = new HashMap<>(finding.labels());
        labels.putIfAbsent("alertname", finding.ruleName());
        labels.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        labels.put("seismo_kind", finding.kind().name().toLowerCase(Locale.ROOT));
        return labels;
    }

    private static AlertCascade alertCascade(CascadeDetail cascade) {
        return new AlertCascade(cascade.rootService(), cascade.affectedServices(), cascade.timeline().stream()
                .map(onset -> new AlertCascade.Step(onset.service(), AlertTimes.instant(onset.atNanos())))
                .toList());
    }
}

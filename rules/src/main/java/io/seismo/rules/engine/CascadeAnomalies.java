package io.seismo.rules.engine;

import io.seismo.rules.detect.MetricDetector;
import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.MetricAnomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds to each firing cascade finding of a round the metric rules (those keyed by service) that fire for its
 * root or an affected service at that moment. Runs once the round is complete, so a metric rule whose window
 * ends at the same step counts with its new state. Keeps no state of its own: the detectors' is the truth.
 */
final class CascadeAnomalies {
    private final List<MetricDetector> metricRules;

    CascadeAnomalies(List<MetricDetector> metricRules) {
        this.metricRules = metricRules.stream().filter(MetricDetector::keysByService).toList();
    }

    /** The round with the anomalies added; the same list when there is nothing to add. */
    List<Finding> enrich(List<Finding> round) {
        if (metricRules.isEmpty() || round.stream().noneMatch(f -> f.isCascade() && f.firing())) {
            return round;
        }
        List<Finding> enriched = new ArrayList<>(round.size());
        for (Finding finding : round) {
            enriched.add(finding.isCascade() && finding.firing() ? withAnomalies(finding) : finding);
        }
        return enriched;
    }

    private Finding withAnomalies(Finding cascade) {
        CascadeDetail detail = cascade.cascade();
        List<String> services = new ArrayList<>();
        services.add(detail.rootService());
        services.addAll(detail.affectedServices());
        List<MetricAnomaly> anomalies = new ArrayList<>();
        for (String service : services) {
            for (MetricDetector rule : metricRules) {
                rule.anomalyOf(service).ifPresent(anomalies::add);
            }
        }
        return anomalies.isEmpty() ? cascade : cascade.withCascade(detail.withMetricAnomalies(anomalies));
    }
}

package io.seismo.rules.finding;

import java.util.List;

/**
 * What a cascade finding adds: the root service (unhealthy, with no unhealthy dependency), the callers
 * affected through it, the order in which they turned unhealthy, and the metric rules firing for any of them
 * when the cascade fired.
 */
public record CascadeDetail(String rootService, List<String> affectedServices, List<Onset> timeline,
                            List<MetricAnomaly> metricAnomalies) {
    public CascadeDetail {
        affectedServices = List.copyOf(affectedServices);
        timeline = List.copyOf(timeline);
        metricAnomalies = List.copyOf(metricAnomalies);
    }

    /** A cascade with no metric anomalies (yet: the engine adds them once the round is complete). */
    public CascadeDetail(String rootService, List<String> affectedServices, List<Onset> timeline) {
        this(rootService, affectedServices, timeline, List.of());
    }

    public CascadeDetail withMetricAnomalies(List<MetricAnomaly> anomalies) {
        return new CascadeDetail(rootService, affectedServices, timeline, anomalies);
    }
}

package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.MetricAnomaly;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Onset;
import io.seismo.rules.finding.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Findings built by hand, shaped like the ones the rule detectors emit. */
final class TestFindings {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final String THRESHOLD_RULE = "service-errors";
    static final String CASCADE_RULE = "service-cascade";
    private static final long WINDOW_NANOS = Duration.ofSeconds(30).toNanos();

    private TestFindings() {
    }

    static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    static Finding threshold(String service, boolean firing, Instant at) {
        long atNanos = nanos(at);
        return new Finding(THRESHOLD_RULE, FindingKind.THRESHOLD, service, firing, Severity.WARNING,
                atNanos, atNanos - WINDOW_NANOS, atNanos,
                Map.of("alertname", THRESHOLD_RULE, "service", service),
                Map.of("count", 88.0, "errors", 37.0, "errorRatio", 0.42),
                "errors >= 5 && errorRatio > 0.1",
                new Evidence(List.of(service + ": upstream timed out"), List.of("trace-" + service)), null);
    }

    /** The cascade with the database pool's saturation as a metric anomaly of its root. */
    static Finding withPoolSaturated(Finding cascade) {
        return cascade.withCascade(cascade.cascade().withMetricAnomalies(List.of(new MetricAnomaly(
                cascade.cascade().rootService(), "db-pool-saturated", "db_pool_in_use: max > 45",
                List.of("db_pool_in_use{pool=\"main\"} = 48")))));
    }

    /** A cascade whose services turned unhealthy one second apart, root first. */
    static Finding cascade(String root, List<String> affected, boolean firing, Instant at) {
        long atNanos = nanos(at);
        List<Onset> timeline = new ArrayList<>();
        timeline.add(new Onset(root, atNanos - Duration.ofSeconds(affected.size()).toNanos()));
        for (int i = 0; i < affected.size(); i++) {
            timeline.add(new Onset(affected.get(i), atNanos - Duration.ofSeconds(affected.size() - 1 - i).toNanos()));
        }
        return new Finding(CASCADE_RULE, FindingKind.CASCADE, root, firing, Severity.CRITICAL,
                atNanos, atNanos - WINDOW_NANOS, atNanos,
                Map.of("alertname", CASCADE_RULE),
                Map.of("errorRatio", 0.5),
                "errors >= 5 && errorRatio > 0.1",
                new Evidence(List.of("payments-db: connection refused"), List.of("trace-a", "trace-b")),
                new CascadeDetail(root, affected, timeline));
    }
}

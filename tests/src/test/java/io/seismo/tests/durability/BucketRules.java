package io.seismo.tests.durability;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rules that make the engine's window figures visible at the webhook. Every bucket of 100 sequence numbers
 * fills exactly one tumbling second of event time (see {@code SeededLogGenerator}), so {@value #COMPLETE}
 * fires for a bucket iff all 100 of its lines were counted, and {@value #DOUBLE_COUNTED} fires iff some line
 * of it was counted twice; it must never fire. An alert that fired reaches the receiver as firing, or only as
 * resolved when its firing notification was still waiting for a retry as it resolved (the latest state
 * supersedes, as Alertmanager does): either status proves it fired.
 */
final class BucketRules {
    static final String COMPLETE = "bucket-complete";
    static final String DOUBLE_COUNTED = "bucket-double-counted";
    static final String FILE_NAME = "buckets.groovy";
    static final String GROOVY = """
            threshold('%1$s') {
                where { attr('bucket') != null }
                by { attr('bucket') }
                window tumbling(1.second)
                fireWhen { count >= 100 }
                severity INFO
            }

            threshold('%2$s') {
                where { attr('bucket') != null }
                by { attr('bucket') }
                window tumbling(1.second)
                fireWhen { count > 100 }
                severity CRITICAL
            }
            """.formatted(COMPLETE, DOUBLE_COUNTED);

    private BucketRules() {
    }

    /** The buckets ({@code b0}, {@code b1}, …) of the alerts of {@code rule} with the given status. */
    static Set<String> buckets(List<JsonObject> alerts, String rule, String status) {
        return buckets(alerts.stream().filter(a -> status.equals(a.getString("status"))).toList(), rule);
    }

    /** The buckets of the alerts of {@code rule} that reached the receiver at all: the ones that fired. */
    static Set<String> buckets(List<JsonObject> alerts, String rule) {
        return alerts.stream()
                .filter(a -> rule.equals(labels(a).getString("alertname")))
                .map(a -> labels(a).getString("key"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every (rule, key, window) that fired: for a tumbling window, the alert starts where the window ends. */
    static Set<String> firedWindows(List<JsonObject> alerts) {
        return alerts.stream()
                .map(a -> labels(a).getString("alertname") + " " + labels(a).getString("key") + " " + a.getString("startsAt"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** b0 … b(n-1): the buckets of {@code lines} sequence numbers. */
    static Set<String> allBuckets(long lines) {
        Set<String> all = new TreeSet<>();
        for (long b = 0; b < lines / 100; b++) {
            all.add("b" + b);
        }
        return all;
    }

    private static JsonObject labels(JsonObject alert) {
        return alert.getJsonObject("labels", new JsonObject());
    }
}

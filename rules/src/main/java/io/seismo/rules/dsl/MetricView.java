package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.MetricSample;
import io.seismo.rules.sandbox.RuleApi;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code where} and {@code by} closures of a metric rule see: one sample, read-only, so that
 * {@code labels.pool == 'main'} and {@code value > 0} read naturally. Lets go of the event after the call.
 */
@RuleApi
public final class MetricView {
    private Event event;
    private Map<String, String> labels;

    void show(Event current) {
        this.event = current;
        this.labels = null;
    }

    /** The metric name as scraped ({@code http_request_duration_seconds_bucket} for a bucket). */
    public String getName() {
        return event.getMessage();
    }

    public double getValue() {
        return MetricSample.valueOf(event);
    }

    /** The sample's labels; a label it lacks reads as null. */
    public Map<String, String> getLabels() {
        if (labels == null) {
            Map<String, String> only = new LinkedHashMap<>();
            event.getAttributes().forEach((name, value) -> {
                if (MetricSample.isLabel(name)) {
                    only.put(name, value);
                }
            });
            labels = Collections.unmodifiableMap(only);
        }
        return labels;
    }

    /** One label's value, or null. */
    public String label(String name) {
        return MetricSample.isLabel(name) ? event.attr(name) : null;
    }

    /** counter, gauge, histogram, summary or untyped. */
    public String getType() {
        return event.attr(MetricSample.TYPE_ATTR);
    }

    public String getService() {
        return event.getService();
    }

    public String getHost() {
        return event.getHost();
    }

    public long getTimeNanos() {
        return event.getEventTimeNanos();
    }
}

package io.seismo.agent.scrape;

import java.util.Map;

/**
 * One sample line of a text-format exposition.
 *
 * @param name        the sample's name as written ({@code http_request_duration_seconds_bucket}, not the family's)
 * @param labels      its labels, unescaped, in the order written
 * @param value       the value; {@code +Inf}, {@code -Inf} and {@code NaN} included
 * @param timestampMs the timestamp written after the value (epoch milliseconds), or {@link #NO_TIMESTAMP}
 * @param type        the family's {@code # TYPE}: counter, gauge, histogram, summary or untyped
 */
public record ScrapedSample(String name, Map<String, String> labels, double value, long timestampMs, String type) {
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public ScrapedSample {
        labels = Map.copyOf(labels);
    }

    public boolean hasTimestamp() {
        return timestampMs != NO_TIMESTAMP;
    }
}

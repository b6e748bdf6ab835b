package io.seismo.sink.slack;

import io.seismo.sink.DeliveryException;
import io.seismo.sink.delivery.RetryAfter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sorts Slack's {@code ok:false} error codes into "try again later" and "fix the configuration". */
final class SlackErrors {
    /** Slack's transient errors; everything else (invalid_auth, channel_not_found, not_in_channel …) is permanent. */
    private static final Set<String> RETRYABLE = Set.of(
            "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private SlackErrors() {
    }

    static DeliveryException of(String sinkName, String error, Map<String, List<String>> headers) {
        boolean retryable = RETRYABLE.contains(error);
        return new DeliveryException("sink '" + sinkName + "': Slack answered ok=false, error=" + error, retryable,
                retryable ? RetryAfter.parse(header(headers, "Retry-After"), Instant.now()) : null, null);
    }

    static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }
}

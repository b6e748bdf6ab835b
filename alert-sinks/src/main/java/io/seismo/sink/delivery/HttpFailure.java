package io.seismo.sink.delivery;

import io.seismo.sink.DeliveryException;

import java.time.Instant;

/** Turns an unsuccessful HTTP answer into a {@link DeliveryException} that says whether a retry can help. */
public final class HttpFailure {
    private static final int MAX_DETAIL_CHARS = 200;

    private HttpFailure() {
    }

    /**
     * 429 and 5xx are the receiver's temporary trouble: retryable, after its Retry-After when given. Anything else
     * (a 400, a 404, a redirect) will not change on retry.
     */
    public static DeliveryException of(String sinkName, int status, String retryAfterHeader, String detail) {
        boolean retryable = status == 429 || status >= 500;
        String message = "sink '" + sinkName + "': receiver answered HTTP " + status + shorten(detail);
        return new DeliveryException(message, retryable,
                retryable ? RetryAfter.parse(retryAfterHeader, Instant.now()) : null, null);
    }

    /** A failure before any answer (refused connection, timeout, reset): always worth retrying. */
    public static DeliveryException transport(String sinkName, Throwable cause) {
        return new DeliveryException("sink '" + sinkName + "': no answer from receiver: " + cause, true, null, cause);
    }

    private static String shorten(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String oneLine = detail.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > MAX_DETAIL_CHARS ? oneLine.substring(0, MAX_DETAIL_CHARS) + "…" : oneLine);
    }
}

package io.seismo.sink;

import java.time.Duration;

/**
 * A delivery that did not succeed. {@code retryable} is false for answers that will not change on retry
 * (a 400, a bad token); {@code retryAfter} is the receiver's Retry-After when it gave one, else null.
 */
public final class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

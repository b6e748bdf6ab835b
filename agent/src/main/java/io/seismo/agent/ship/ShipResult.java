package io.seismo.agent.ship;

import java.util.OptionalLong;

/**
 * How one POST ended: the daemon's status, {@code Retry-After} (seconds) and body, or the exception when no
 * answer came (connection refused, reset, timeout).
 */
public record ShipResult(int status, OptionalLong retryAfterSeconds, String body, Throwable failure) {
    public static ShipResult answered(int status, OptionalLong retryAfterSeconds, String body) {
        return new ShipResult(status, retryAfterSeconds, body, null);
    }

    public static ShipResult failed(Throwable failure) {
        return new ShipResult(0, OptionalLong.empty(), "", failure);
    }

    public boolean answered() {
        return failure == null;
    }
}

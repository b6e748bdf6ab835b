package io.seismo.daemon.route;

import java.time.Duration;
import java.util.Objects;

/**
 * How a notification group paces itself (Alertmanager's {@code group_wait}, {@code group_interval},
 * {@code repeat_interval}).
 */
public record GroupTimings(Duration groupWait, Duration groupInterval, Duration repeatInterval) {
    public GroupTimings {
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        if (groupWait.isNegative() || groupInterval.isNegative()) {
            throw new IllegalArgumentException("groupWait and groupInterval must not be negative");
        }
        if (repeatInterval.isNegative() || repeatInterval.isZero()) {
            throw new IllegalArgumentException("repeatInterval must be positive, got " + repeatInterval);
        }
    }
}

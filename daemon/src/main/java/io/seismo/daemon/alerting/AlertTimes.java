package io.seismo.daemon.alerting;

import java.time.Instant;

/** Event times travel as epoch nanoseconds; alerts speak {@link Instant}. */
final class AlertTimes {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AlertTimes() {
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}

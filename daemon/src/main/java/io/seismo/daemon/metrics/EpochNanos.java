package io.seismo.daemon.metrics;

import java.time.Clock;
import java.time.Instant;

/** Wall-clock time as nanoseconds since the epoch: how an ingest moment is stamped and compared. */
public final class EpochNanos {
    private EpochNanos() {
    }

    public static long now(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

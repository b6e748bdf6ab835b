package io.seismo.daemon.parse;

import java.time.Instant;

/** Expected times written the readable way. */
final class Times {

    private Times() {
    }

    static long nanos(String isoInstant) {
        Instant time = Instant.parse(isoInstant);
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}

package io.seismo.daemon.alerting;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Processing time that moves only when a test says so. It counts how often the code under test read it, which
 * lets a test wait until the alerting thread has run with the new time (it reads the clock on every tick).
 */
final class ManualClock implements InstantSource {
    private final AtomicReference<Instant> now;
    private final AtomicLong reads = new AtomicLong();

    ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        reads.incrementAndGet();
        return now.get();
    }

    /** The time, without counting as a read by the code under test. */
    Instant current() {
        return now.get();
    }

    void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    long reads() {
        return reads.get();
    }
}

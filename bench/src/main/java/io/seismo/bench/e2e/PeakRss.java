package io.seismo.bench.e2e;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest resident set of a process while it is measured, sampled twice a second: a JVM's heap grows and
 * shrinks between collections, so one sample at the end of a window says more about timing than about memory.
 */
final class PeakRss implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 500;

    private final long pid;
    private final AtomicLong peakKiB = new AtomicLong(-1);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    /** Starts sampling {@code pid} at once. */
    PeakRss(long pid) {
        this.pid = pid;
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The largest sample so far, with one taken now, in MiB; -1 when the process was never seen. */
    double mib() {
        sample();
        long kib = peakKiB.get();
        return kib < 0 ? -1 : kib / 1024.0;
    }

    private void sample() {
        double mib = ProcessStats.rssMiB(pid);
        if (mib >= 0) {
            peakKiB.accumulateAndGet(Math.round(mib * 1024), Math::max);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

package io.seismo.agent.ship;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a check every {@code periodMillis} while requests are on their way, and not at all in between, so that an
 * idle agent wakes only for its polls. The last tick that finds nothing in flight cancels the schedule; the next
 * request starts it again.
 */
final class InFlightChecks {
    private final ScheduledExecutorService timer;
    private final Runnable check;
    private final long periodMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The running schedule, or null; guarded by this. */
    private ScheduledFuture<?> ticks;
    private boolean stopped;

    InFlightChecks(ScheduledExecutorService timer, Runnable check, long periodMillis) {
        this.timer = timer;
        this.check = check;
        this.periodMillis = periodMillis;
    }

    /** A request starts: the checks run until every request has ended. */
    void begin() {
        if (inFlight.getAndIncrement() == 0) {
            start();
        }
    }

    void end() {
        inFlight.decrementAndGet();
    }

    /** Whether checks are scheduled now. */
    synchronized boolean running() {
        return ticks != null;
    }

    synchronized void stop() {
        stopped = true;
        cancel();
    }

    private synchronized void start() {
        if (ticks != null || stopped) {
            return;
        }
        try {
            ticks = timer.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The agent is stopping, and its close ends every request still on its way.
        }
    }

    private void tick() {
        check.run();
        synchronized (this) {
            if (inFlight.get() == 0) {
                cancel();
            }
        }
    }

    private void cancel() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }
}

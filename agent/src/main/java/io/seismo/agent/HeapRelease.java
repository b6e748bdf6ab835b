package io.seismo.agent;

import java.util.function.LongSupplier;

/**
 * Gives back the heap a backlog grew, once the agent has caught up. Working off a backlog takes tens of megabytes
 * for a while (full batches, one sending and one filling per file); the serial collector the agent runs with hands
 * heap back to the operating system only at a full collection, which an agent that has caught up, allocating
 * little, may not see for hours. So once no batch has been full for a while and the heap has grown well past its
 * size after the last release, one full collection is asked for (a no-op under {@code -XX:+DisableExplicitGC}).
 * Used by the agent's loop thread only.
 */
final class HeapRelease {
    private final long quietNanos;
    private final long slackBytes;
    private final LongSupplier committedBytes;
    private final Runnable collect;
    private long lastBusyNanos;
    private long committedAfterRelease;

    /**
     * @param quietNanos     how long no batch may have been full before the heap is given back
     * @param slackBytes     how far the heap may grow past its size after the last release without one
     * @param committedBytes the heap's size now ({@link Runtime#totalMemory()})
     * @param collect        asks for a full collection ({@link System#gc()})
     */
    HeapRelease(long quietNanos, long slackBytes, LongSupplier committedBytes, Runnable collect, long nowNanos) {
        this.quietNanos = quietNanos;
        this.slackBytes = slackBytes;
        this.committedBytes = committedBytes;
        this.collect = collect;
        this.lastBusyNanos = nowNanos;
        this.committedAfterRelease = committedBytes.getAsLong();
    }

    /** Called every poll; {@code busy} when some batch is full, i.e. the agent is behind. */
    void poll(boolean busy, long nowNanos) {
        if (busy) {
            lastBusyNanos = nowNanos;
            return;
        }
        if (nowNanos - lastBusyNanos >= quietNanos && committedBytes.getAsLong() > committedAfterRelease + slackBytes) {
            collect.run();
            committedAfterRelease = committedBytes.getAsLong();
        }
    }
}

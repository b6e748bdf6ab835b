package io.seismo.sink.delivery;

import io.seismo.sink.DeliveryException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One thread that runs a sink's blocking work (file appends, console writes, Slack calls) in submission order,
 * so the caller never blocks and one sink's notifications never overtake each other.
 */
public final class SinkThread implements AutoCloseable {
    private static final long DRAIN_SECONDS = 5;

    private final String sinkName;
    private final ExecutorService executor;

    public SinkThread(String sinkName) {
        this.sinkName = sinkName;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "seismo-sink-" + sinkName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} on this sink's thread; the future fails with whatever {@code work} threw. */
    public CompletableFuture<Void> submit(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    work.run();
                    done.complete(null);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new DeliveryException("sink '" + sinkName + "' is closed", true, null, e));
        }
        return done;
    }

    /** Stops taking work and lets what is queued finish, for a bounded time. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

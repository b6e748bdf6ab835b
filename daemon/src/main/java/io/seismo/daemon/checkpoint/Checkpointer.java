package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalFiles;
import io.seismo.daemon.pipeline.BarrierHandler;
import io.seismo.daemon.pipeline.BarrierState;
import io.seismo.daemon.pipeline.StateCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Takes checkpoints: publishes a barrier into the ring; when the correlator stage reaches it, asks alerting
 * for its state (in step: every finding of the lines before the barrier is queued to alerting by then) and
 * hands everything to its own writer thread, which waits (bounded) for alerting and for the correlator to have
 * written out its state of the barrier, writes the file through the {@link CheckpointStore} and then deletes
 * the journal segments wholly before the checkpoint's position.
 */
public final class Checkpointer implements BarrierHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long the writer waits for the correlator's state, which it writes out between events after the
     * barrier: a second or two of slices for millions of windows and traces, longer when the ring is full.
     */
    private static final Duration CORRELATOR_STATE_TIMEOUT = Duration.ofSeconds(60);

    private final CheckpointStore store;
    private final JournalFiles journal;
    private final AlertingState alerting;
    private final Duration alertingTimeout;
    private final DurabilityMetrics metrics;
    private final ExecutorService writer;
    private final AtomicLong barrierIds = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    /**
     * The journal segments of the checkpoints written since start, oldest first; touched by the writer thread
     * only. Recovery may fall back to any checkpoint the store keeps, so the journal is kept from the oldest of
     * them: nothing is deleted until this process has written as many checkpoints as the store keeps.
     */
    private final Deque<Long> keptSegments = new ArrayDeque<>();

    /**
     * @param alertingTimeout how long the writer waits for alerting's state before it skips the checkpoint
     */
    public Checkpointer(CheckpointStore store, JournalFiles journal, AlertingState alerting, Duration alertingTimeout,
                        DurabilityMetrics metrics) {
        this.store = store;
        this.journal = journal;
        this.alerting = alerting;
        this.alertingTimeout = alertingTimeout;
        this.metrics = metrics;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "seismo-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a checkpoint by publishing a barrier with {@code publishBarrier} (false: the ring is full). The
     * future completes once the file is durable, or exceptionally when this checkpoint was not written.
     */
    public CompletableFuture<StoredCheckpoint> checkpoint(LongPredicate publishBarrier) {
        long id = barrierIds.incrementAndGet();
        Pending request = new Pending(new CompletableFuture<>(), System.nanoTime());
        pending.put(id, request);
        if (!publishBarrier.test(id)) {
            pending.remove(id);
            request.done.completeExceptionally(new IllegalStateException("the ring is full; checkpoint not started"));
        }
        return request.done;
    }

    /** A periodic checkpoint, unless the previous one is still being written (checkpoints never pile up). */
    public void checkpointIfIdle(LongPredicate publishBarrier) {
        if (pending.isEmpty()) {
            checkpoint(publishBarrier).exceptionally(e -> null);
        }
    }

    @Override
    public void onBarrier(long barrierId, BarrierState state) {
        Pending request = pending.get(barrierId);
        if (request == null) {
            return;
        }
        // Asked here, on the correlator thread, so alerting's state covers exactly the findings before the barrier.
        CompletableFuture<byte[]> alertingState;
        try {
            alertingState = alerting.snapshotAfterQueued();
        } catch (RuntimeException e) {
            fail(barrierId, request, e);
            return;
        }
        try {
            writer.execute(() -> write(barrierId, request, state, alertingState));
        } catch (RejectedExecutionException e) {
            fail(barrierId, request, new IllegalStateException("the checkpoint writer is stopped"));
        }
    }

    @Override
    public void onBarrierFailed(long barrierId, Throwable cause) {
        Pending request = pending.get(barrierId);
        if (request != null) {
            fail(barrierId, request, cause);
        }
    }

    private void write(long barrierId, Pending request, BarrierState state, CompletableFuture<byte[]> alertingState) {
        try {
            byte[] alertingBytes = await(alertingState, alertingTimeout, "alerting gave no state");
            StateCapture correlatorState = await(state.correlatorState(), CORRELATOR_STATE_TIMEOUT,
                    "the correlator did not write out its state");
            Checkpoint checkpoint;
            StoredCheckpoint stored;
            try {
                checkpoint = new Checkpoint(state.position(), state.sourceOffsets(), correlatorState.bytes(),
                        alertingBytes, metrics.clock().instant());
                stored = store.write(checkpoint);
            } finally {
                correlatorState.release();
            }
            int deleted = deleteSegmentsNoCheckpointNeeds(state.position().segment());
            metrics.checkpoints.inc();
            metrics.checkpointBytes.set(stored.fileBytes());
            metrics.checkpointSeconds.observe((System.nanoTime() - request.startNanos) / 1e9);
            metrics.checkpointAt(checkpoint.takenAt());
            LOG.debug("checkpoint {} written at journal position {} ({} bytes); {} journal segments deleted",
                    stored.file().getFileName(), state.position(), stored.fileBytes(), deleted);
            pending.remove(barrierId);
            request.done.complete(stored);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(barrierId, request, e);
        } catch (ExecutionException e) {
            fail(barrierId, request, e.getCause());
        } catch (Exception | Error e) {
            fail(barrierId, request, e);
        }
    }

    private static <T> T await(CompletableFuture<T> part, Duration timeout, String missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return part.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException(missing + " within " + timeout + "; checkpoint skipped");
        }
    }

    private void fail(long barrierId, Pending request, Throwable cause) {
        pending.remove(barrierId);
        metrics.checkpointFailures.inc();
        LOG.warn("checkpoint not written: {}", String.valueOf(cause));
        request.done.completeExceptionally(cause);
    }

    private int deleteSegmentsNoCheckpointNeeds(long newestSegment) throws IOException {
        keptSegments.addLast(newestSegment);
        if (keptSegments.size() > CheckpointStore.KEEP) {
            keptSegments.removeFirst();
        }
        return keptSegments.size() < CheckpointStore.KEEP ? 0 : journal.deleteBefore(keptSegments.peekFirst());
    }

    /** Lets a checkpoint being written finish (bounded), then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("checkpoint writer did not finish within {}", CLOSE_TIMEOUT);
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(CompletableFuture<StoredCheckpoint> done, long startNanos) {
    }
}

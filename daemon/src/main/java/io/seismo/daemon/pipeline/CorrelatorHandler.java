package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import io.seismo.daemon.metrics.DaemonMetrics;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Hands parsed events and clock ticks to the correlator, in ring order, after journal and parsers are done
 * with them. Keeps the per-source high-water offsets of the lines it has passed on (live and replayed), and
 * at a checkpoint barrier hands the correlator's state, those offsets and the journal position on. The state is
 * taken at the barrier and written out afterwards in slices: whenever the ring has nothing more for this stage,
 * and otherwise one slice every {@link #SLOTS_BETWEEN_STATE_SLICES} slots, so a checkpoint delays lines by about a
 * slice rather than by the time it takes to write the whole state. The correlator's deferred work (rules
 * evaluating a window boundary key by key) is done the same way, before the state's slices, and more often while
 * lines wait ({@link #SLOTS_BETWEEN_DEFERRED_SLICES}): findings wait for it, where only the checkpoint's age
 * waits for the state.
 */
final class CorrelatorHandler implements EventHandler<Slot> {
    static final long SLICE_NANOS = 1_000_000;
    static final int SLOTS_BETWEEN_DEFERRED_SLICES = 128;
    /**
     * About 8 ms of lines at the correlator's pace flat out: a checkpoint takes at most an eighth of the thread
     * while lines wait, where one slice per 128 slots took half of it, and at 70 % load the lines fell behind for
     * seconds at every checkpoint. Under load it takes longer and checkpoints come less often.
     */
    static final int SLOTS_BETWEEN_STATE_SLICES = 1024;

    private final Correlator correlator;
    private final BarrierHandler barriers;
    private final SourceOffsets correlatedOffsets;
    private final LongSupplier publishedCursor;
    private final DaemonMetrics metrics;
    /**
     * The batch of the lines passed on since the offsets were last advanced, and the offset after the furthest of
     * them: the high-water mark moves once per run of a batch's lines (and at a barrier, which reads it), not with
     * a map lookup and a compare-and-set per line.
     */
    private BatchMeta pendingBatch;
    private long pendingNextOffset = SourceOffsets.NONE;
    private StateCapture capture;
    private CompletableFuture<StateCapture> captured;
    private int slotsSinceSlice;

    /** @param publishedCursor the ring's highest claimed sequence: past this stage's, more slots are coming */
    CorrelatorHandler(Correlator correlator, BarrierHandler barriers, SourceOffsets correlatedOffsets,
                      LongSupplier publishedCursor, DaemonMetrics metrics) {
        this.correlator = correlator;
        this.barriers = barriers;
        this.correlatedOffsets = correlatedOffsets;
        this.publishedCursor = publishedCursor;
        this.metrics = metrics;
    }

    @Override
    public void onStart() {
        PipelineThreads.nameCurrent(PipelineThreads.CORRELATOR);
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        boolean hadDeferredWork = correlator.hasDeferredWork();
        switch (slot.type) {
            case TICK -> {
                metrics.findingLatency.beforeUntimed();
                correlator.onTick(slot.tickNanos);
            }
            case CHECKPOINT -> barrier(slot);
            case LINE -> line(slot);
        }
        if (!hadDeferredWork && correlator.hasDeferredWork()) {
            metrics.findingLatency.deferCurrent();
        }
        if (endOfBatch) {
            // Nothing is ready for this stage: use the wait, a slice at a time, until something is published.
            if (hasBackgroundWork()) {
                do {
                    doSliceOfBackgroundWork();
                } while (hasBackgroundWork() && publishedCursor.getAsLong() == sequence);
            }
        } else if (hasBackgroundWork() && ++slotsSinceSlice >= (correlator.hasDeferredWork()
                ? SLOTS_BETWEEN_DEFERRED_SLICES : SLOTS_BETWEEN_STATE_SLICES)) {
            slotsSinceSlice = 0;
            doSliceOfBackgroundWork();
        }
    }

    private boolean hasBackgroundWork() {
        return capture != null || correlator.hasDeferredWork();
    }

    private void doSliceOfBackgroundWork() {
        if (correlator.hasDeferredWork()) {
            metrics.findingLatency.beforeDeferred();
            correlator.doDeferredWork(SLICE_NANOS);
        } else {
            writeSomeState();
        }
    }

    private void writeSomeState() {
        try {
            if (capture.advance(SLICE_NANOS)) {
                captured.complete(capture);
                capture = null;
            }
        } catch (RuntimeException e) {
            captured.completeExceptionally(e);
            capture = null;
        }
    }

    private void line(Slot slot) {
        if (slot.offset >= 0) {
            if (slot.meta != pendingBatch) {
                advanceOffsets();
                pendingBatch = slot.meta;
            }
            pendingNextOffset = Math.max(pendingNextOffset, slot.offset + 1);
        }
        if (slot.parsed) {
            if (slot.replay) {
                metrics.findingLatency.beforeUntimed();
            } else {
                metrics.findingLatency.beforeEvent(slot.meta.receivedNanos());
                metrics.ingestWait.onLine(slot.meta.receivedNanos());
            }
            correlator.onEvent(slot.event);
            metrics.eventsCorrelated.inc();
            metrics.serviceHealth.record(slot.event.getService(), slot.event.isError());
        }
        slot.release();
    }

    private void advanceOffsets() {
        if (pendingBatch != null) {
            correlatedOffsets.advance(pendingBatch.source(), pendingNextOffset);
            pendingBatch = null;
            pendingNextOffset = SourceOffsets.NONE;
        }
    }

    private void barrier(Slot slot) {
        advanceOffsets();
        if (slot.barrierFailure != null || slot.barrierPosition == null) {
            barriers.onBarrierFailed(slot.barrierId, slot.barrierFailure == null
                    ? new IllegalStateException("the journal gave no position at the barrier") : slot.barrierFailure);
            return;
        }
        if (capture != null) {
            // One capture at a time: the previous checkpoint's state is written out now.
            writeRestNow();
        }
        try {
            if (correlator.hasDeferredWork()) {
                // The state of a barrier holds no half-evaluated boundary: the correlator completes it first.
                metrics.findingLatency.beforeDeferred();
            }
            capture = correlator.beginSnapshot();
        } catch (RuntimeException e) {
            barriers.onBarrierFailed(slot.barrierId, e);
            return;
        }
        captured = new CompletableFuture<>();
        slotsSinceSlice = 0;
        barriers.onBarrier(slot.barrierId, new BarrierState(slot.barrierPosition, correlatedOffsets.snapshot(), captured));
    }

    private void writeRestNow() {
        try {
            capture.advance(Long.MAX_VALUE);
            captured.complete(capture);
        } catch (RuntimeException e) {
            captured.completeExceptionally(e);
        }
        capture = null;
    }
}

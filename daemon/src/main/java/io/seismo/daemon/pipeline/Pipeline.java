package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.seismo.daemon.journal.JournalRecord;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The LMAX flow of DESIGN.md §1: one ring; the journal and N parsers read it in parallel; the correlator
 * runs after all of them. Producers (ingest event loops, the ticker) never block: a full ring is refused.
 */
public final class Pipeline implements AutoCloseable {
    private static final EventTranslatorOneArg<Slot, IngestBatch> LINE = (slot, seq, batch) -> batch.fillNext(slot);
    private static final EventTranslatorOneArg<Slot, Long> TICK = (slot, seq, nanos) -> slot.fillTick(nanos);
    private static final EventTranslatorOneArg<Slot, Long> BARRIER = (slot, seq, id) -> slot.fillBarrier(id);
    private static final EventTranslatorTwoArg<Slot, BatchMeta, JournalRecord> REPLAY =
            (slot, seq, meta, record) -> slot.fillReplay(meta, record);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final CorrelatorHandler correlatorHandler;
    private final SourceOffsets correlatedOffsets = new SourceOffsets();

    /**
     * @param parseThreads threads that parse beside the journal; 0 parses on the journal thread
     * @param parsers called once per parse thread (once for the journal thread when there are none): each
     *                thread gets its own parser instances, indexed like
     *                {@link BatchMeta#parserIndex()}
     * @param barriers told at each checkpoint barrier, on the correlator thread
     */
    public Pipeline(int ringSize, int parseThreads, SegmentedJournal journal, Supplier<LineParser[]> parsers,
                    Correlator correlator, BarrierHandler barriers, DaemonMetrics metrics) {
        AtomicInteger threadNumber = new AtomicInteger();
        disruptor = new Disruptor<>(Slot::new, ringSize,
                r -> {
                    Thread t = new Thread(r, PipelineThreads.UNSTARTED + threadNumber.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                },
                ProducerType.MULTI, new BlockThenParkWaitStrategy());

        // No parse threads: the journal thread parses too (see JournalHandler).
        JournalHandler journalHandler = parseThreads == 0
                ? new JournalHandler(journal, metrics, new ParseHandler(0, 1, parsers.get(), metrics))
                : new JournalHandler(journal, metrics);
        @SuppressWarnings("unchecked")
        EventHandler<Slot>[] first = new EventHandler[1 + parseThreads];
        first[0] = journalHandler;
        for (int i = 0; i < parseThreads; i++) {
            first[1 + i] = new ParseHandler(i, parseThreads, parsers.get(), metrics);
        }
        correlatorHandler = new CorrelatorHandler(correlator, barriers, correlatedOffsets, disruptor::getCursor, metrics);
        disruptor.handleEventsWith(first).then(correlatorHandler);

        disruptor.handleExceptionsFor(journalHandler).with(new CountingExceptionHandler("journal", metrics.handlerErrors("journal")));
        for (int i = 1; i < first.length; i++) {
            disruptor.handleExceptionsFor(first[i]).with(new CountingExceptionHandler("parse", metrics.handlerErrors("parse")));
        }
        disruptor.handleExceptionsFor(correlatorHandler).with(new CountingExceptionHandler("correlator", metrics.handlerErrors("correlator")));
        ring = disruptor.start();
        metrics.handlerLag.track("journal", ring::getCursor, () -> disruptor.getSequenceValueFor(journalHandler));
        for (int i = 1; i < first.length; i++) {
            EventHandler<Slot> parser = first[i];
            metrics.handlerLag.track("parse" + (i - 1), ring::getCursor, () -> disruptor.getSequenceValueFor(parser));
        }
        metrics.handlerLag.track("correlator", ring::getCursor, () -> disruptor.getSequenceValueFor(correlatorHandler));
        metrics.gauge("seismo_ring_remaining_capacity", "Free slots in the ring; ingest batches that find no room wait for it (seismo_ingest_waiting_lines)", ring::remainingCapacity);
        metrics.gauge("seismo_ring_size", "Slots in the ring", () -> ringSize);
    }

    /** Publishes every line of the batch, or none of them when the ring has no room (the caller answers 429). */
    public boolean tryPublish(IngestBatch batch) {
        if (batch.size() > ring.getBufferSize()) {
            return false;
        }
        return ring.tryPublishEvents(LINE, batch.publishArgs());
    }

    /** Lets time advance in the correlator when no lines arrive; skipped when the ring is full. */
    public boolean tick(long nowNanos) {
        return ring.tryPublishEvent(TICK, nowNanos);
    }

    /**
     * Publishes a checkpoint barrier; the {@link BarrierHandler} hears of it with this id once everything
     * published before it has been through every handler. Returns false when the ring is full.
     */
    public boolean tryPublishBarrier(long barrierId) {
        return ring.tryPublishEvent(BARRIER, barrierId);
    }

    /**
     * Publishes a line read back from the journal at recovery, waiting for room: the journal skips it, the
     * parsers and the correlator take it like a live line. Only before ingest is accepted.
     */
    public void publishReplay(BatchMeta meta, JournalRecord record) {
        ring.publishEvent(REPLAY, meta, record);
    }

    /**
     * Raises the correlator stage's per-source high-water offsets to a checkpoint's; call before anything is
     * published, so that the next checkpoint carries them on.
     */
    public void restoreSourceOffsets(Map<String, Long> offsets) {
        correlatedOffsets.advanceAll(offsets);
    }

    /** Waits until everything published so far has been through the correlator; false on timeout. */
    public boolean awaitDrained(Duration timeout) {
        long published = ring.getCursor();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (disruptor.getSequenceValueFor(correlatorHandler) < published) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        return true;
    }

    public int ringSize() {
        return ring.getBufferSize();
    }

    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    /** Waits until everything published has been through every handler, then stops the handler threads. */
    public void close(Duration drainTimeout) {
        try {
            disruptor.shutdown(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            disruptor.halt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}

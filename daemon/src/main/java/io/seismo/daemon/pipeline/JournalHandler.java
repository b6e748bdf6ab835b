package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends every line to the journal and commits (group commit), then answers the batches whose last line was in
 * the group. Runs beside the parsers; the correlator takes a line only once this stage has passed it, i.e. once
 * it is committed (durable under the per-batch fsync policy). A ring batch of many lines is committed in up to
 * {@link #MAX_GROUPS_PER_BATCH} groups of at least {@link #MIN_GROUP_SLOTS}, each passed on once committed: the
 * correlator works on the first group while the next is written, where one commit per batch held every line of
 * it until the last was written.
 * Replayed lines are in the journal already and are skipped. At a checkpoint barrier it makes everything
 * before the barrier durable and writes the journal position into the slot for the correlator stage.
 * With {@code pipeline.parseThreads: 0} it also parses each slot before journaling it, so a batch wakes one
 * thread fewer (see {@link #JournalHandler(SegmentedJournal, DaemonMetrics, EventHandler)}).
 */
final class JournalHandler implements EventHandler<Slot> {
    static final int MIN_GROUP_SLOTS = 256;
    static final int MAX_GROUPS_PER_BATCH = 4;

    private final SegmentedJournal journal;
    private final DaemonMetrics metrics;
    private final List<JournalAck> pending = new ArrayList<>();
    private Throwable failure;
    /** This stage's progress as the next stage sees it; null until the processor hands it over. */
    private Sequence progress;
    private long groupSlots = Long.MAX_VALUE;
    private long slotsInGroup;

    /** Parses on this thread, or null when parsers have threads of their own. */
    private final EventHandler<Slot> parser;
    private final CountingExceptionHandler parseErrors;

    JournalHandler(SegmentedJournal journal, DaemonMetrics metrics) {
        this(journal, metrics, null);
    }

    /**
     * @param parser parses each slot on this thread before it is journaled, or null. On two cores the parse
     *               thread was one more thread to wake for every batch, and a woken thread waits for a core
     *               (bench/PERFORMANCE-LOG.md); a parser that throws loses the slot's parse, never its journaling.
     */
    JournalHandler(SegmentedJournal journal, DaemonMetrics metrics, EventHandler<Slot> parser) {
        this.journal = journal;
        this.metrics = metrics;
        this.parser = parser;
        this.parseErrors = new CountingExceptionHandler("parse", metrics.handlerErrors("parse"));
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        progress = sequenceCallback;
    }

    @Override
    public void onStart() {
        PipelineThreads.nameCurrent(PipelineThreads.JOURNAL);
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        groupSlots = Math.max(MIN_GROUP_SLOTS, (batchSize + MAX_GROUPS_PER_BATCH - 1) / MAX_GROUPS_PER_BATCH);
        slotsInGroup = 0;
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        if (parser != null) {
            try {
                parser.onEvent(slot, sequence, endOfBatch);
            } catch (Exception e) {
                parseErrors.handleEventException(e, sequence, slot);
            }
        }
        if (slot.type == SlotType.LINE && !slot.replay) {
            if (failure == null) {
                try {
                    journal.append(slot.meta.origin(), slot.offset, slot.truncated, slot.line.utf8(), slot.line.utf8Length());
                } catch (Exception e) {
                    failure = e;
                }
            }
            if (slot.ack != null) {
                pending.add(slot.ack);
            }
        } else if (slot.type == SlotType.CHECKPOINT) {
            barrier(slot);
        }
        if (endOfBatch) {
            commit();
        } else if (++slotsInGroup >= groupSlots && progress != null) {
            commit();
            progress.set(sequence);
        }
    }

    private void barrier(Slot slot) {
        if (failure != null) {
            // Lines before the barrier failed to reach the journal: a position now would claim them.
            slot.barrierFailure = failure;
            return;
        }
        try {
            long start = System.nanoTime();
            metrics.journalBytes.inc(journal.sync());
            metrics.journalCommitSeconds.observe((System.nanoTime() - start) / 1e9);
            slot.barrierPosition = journal.position();
        } catch (Exception e) {
            failure = e;
            slot.barrierFailure = e;
        }
    }

    private void commit() {
        slotsInGroup = 0;
        if (failure == null) {
            long start = System.nanoTime();
            try {
                metrics.journalBytes.inc(journal.commit());
                metrics.journalCommitSeconds.observe((System.nanoTime() - start) / 1e9);
            } catch (Exception e) {
                failure = e;
            }
        }
        Throwable cause = failure;
        for (JournalAck ack : pending) {
            if (cause == null) {
                ack.journaled();
            } else {
                ack.failed(cause);
            }
        }
        if (cause != null) {
            metrics.journalFailures.inc();
        }
        pending.clear();
        failure = null;
    }

    @Override
    public void onShutdown() {
        try {
            journal.close();
        } catch (Exception e) {
            metrics.journalFailures.inc();
        }
    }
}

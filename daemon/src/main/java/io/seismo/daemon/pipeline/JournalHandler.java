package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends every line to the journal and, once per ring batch, commits (group commit) and then answers the
 * batches whose last line was in it. Runs beside the parsers: nothing waits for it but the agent's ack.
 * Replayed lines are in the journal already and are skipped. At a checkpoint barrier it makes everything
 * before the barrier durable and writes the journal position into the slot for the correlator stage.
 */
final class JournalHandler implements EventHandler<Slot> {
    private final SegmentedJournal journal;
    private final DaemonMetrics metrics;
    private final List<JournalAck> pending = new ArrayList<>();
    private Throwable failure;

    JournalHandler(SegmentedJournal journal, DaemonMetrics metrics) {
        this.journal = journal;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        if (slot.type == SlotType.LINE && !slot.replay) {
            if (failure == null) {
                try {
                    journal.append(slot.meta.origin(), slot.offset, slot.truncated, slot.line);
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

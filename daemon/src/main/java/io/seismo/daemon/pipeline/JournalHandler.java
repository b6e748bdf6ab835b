package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends every line to the journal and, once per ring batch, commits (group commit) and then answers the
 * batches whose last line was in it. Runs beside the parsers: nothing waits for it but the agent's ack.
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
        if (slot.type == SlotType.LINE) {
            if (failure == null) {
                try {
                    BatchMeta meta = slot.meta;
                    journal.append(meta.source(), slot.offset, meta.service(), slot.line);
                } catch (Exception e) {
                    failure = e;
                }
            }
            if (slot.ack != null) {
                pending.add(slot.ack);
            }
        }
        if (endOfBatch) {
            commit();
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

package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalFiles;
import io.seismo.daemon.journal.JournalPosition;
import io.seismo.daemon.journal.JournalReader;
import io.seismo.daemon.journal.JournalRecord;
import io.seismo.daemon.journal.Origin;
import io.seismo.daemon.pipeline.BatchMeta;
import io.seismo.daemon.pipeline.Correlator;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToIntBiFunction;

/**
 * Start-up recovery, before ingest is accepted: loads the newest good checkpoint, restores the correlator,
 * alerting and the source offsets from it, then replays every journal record after its position through the
 * ring (flagged replay: the journal skips them, nobody is acked), raising ingest's offsets as it goes, and
 * waits until the ring has drained. Without a good checkpoint it starts empty and replays the whole journal.
 * A part of a checkpoint that cannot be restored is logged and starts empty; recovery itself never fails on
 * bad files, so a damaged data folder cannot cause a crash loop.
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final CheckpointStore store;
    private final JournalFiles journal;
    private final DurabilityMetrics metrics;

    public Recovery(CheckpointStore store, JournalFiles journal, DurabilityMetrics metrics) {
        this.store = store;
        this.journal = journal;
        this.metrics = metrics;
    }

    /**
     * @param correlator    the pipeline's correlator, fresh: it has taken no event yet
     * @param ingestOffsets ingest's high-water offsets, raised to the checkpoint's and the replayed lines'
     * @param parserIndex   the parser for a service and path, as ingest picks it
     */
    public RecoveryResult recover(Pipeline pipeline, Correlator correlator, AlertingState alerting, SourceOffsets ingestOffsets,
                                  ToIntBiFunction<String, String> parserIndex, Duration drainTimeout) throws IOException {
        long start = System.nanoTime();
        Optional<StoredCheckpoint> loaded = store.loadNewest();
        JournalPosition from = null;
        if (loaded.isPresent()) {
            Checkpoint checkpoint = loaded.get().checkpoint();
            restore(loaded.get(), correlator, alerting);
            pipeline.restoreSourceOffsets(checkpoint.sourceOffsets());
            ingestOffsets.advanceAll(checkpoint.sourceOffsets());
            metrics.checkpointAt(checkpoint.takenAt());
            from = checkpoint.position();
            warnIfJournalMissing(from);
        }
        ReplayPublisher replay = new ReplayPublisher(pipeline, ingestOffsets, parserIndex);
        long replayed = JournalReader.readFrom(journal, from, replay);
        boolean drained = pipeline.awaitDrained(drainTimeout);
        double seconds = (System.nanoTime() - start) / 1e9;
        metrics.replayEvents.inc(replayed);
        metrics.replaySeconds.set(seconds);
        if (!drained) {
            LOG.warn("replayed lines had not all been correlated after {}; accepting input anyway", drainTimeout);
        }
        LOG.info("recovered from {}: {} journal events replayed in {} s",
                loaded.map(c -> "checkpoint " + c.file() + " (journal position " + c.checkpoint().position() + ")")
                        .orElse("no checkpoint (empty state, whole journal)"),
                replayed, String.format("%.3f", seconds));
        return new RecoveryResult(loaded.map(StoredCheckpoint::file), replayed, seconds, drained);
    }

    private static void restore(StoredCheckpoint stored, Correlator correlator, AlertingState alerting) {
        Checkpoint checkpoint = stored.checkpoint();
        try {
            correlator.restore(checkpoint.engineStateBytes());
        } catch (RuntimeException e) {
            LOG.error("checkpoint {}: the engine state cannot be restored ({}); rules start with empty windows",
                    stored.file(), e.toString());
        }
        try {
            alerting.restore(checkpoint.alertingState());
        } catch (RuntimeException e) {
            LOG.error("checkpoint {}: the alerting state cannot be restored ({}); alerting starts empty",
                    stored.file(), e.toString());
        }
    }

    private void warnIfJournalMissing(JournalPosition from) throws IOException {
        var segments = journal.segments();
        if (!segments.isEmpty() && JournalFiles.numberOf(segments.get(0)) > from.segment()) {
            LOG.warn("the journal from position {} on is partly gone (oldest segment is {}): lines in between are lost",
                    from, segments.get(0).getFileName());
        }
    }

    /** Publishes each record as a replayed line, one {@link BatchMeta} per run of records from the same batch. */
    private static final class ReplayPublisher implements Consumer<JournalRecord> {
        private final Pipeline pipeline;
        private final SourceOffsets ingestOffsets;
        private final ToIntBiFunction<String, String> parserIndex;
        private Origin lastOrigin;
        private BatchMeta meta;

        ReplayPublisher(Pipeline pipeline, SourceOffsets ingestOffsets, ToIntBiFunction<String, String> parserIndex) {
            this.pipeline = pipeline;
            this.ingestOffsets = ingestOffsets;
            this.parserIndex = parserIndex;
        }

        @Override
        public void accept(JournalRecord record) {
            if (record.origin() != lastOrigin) {
                Origin origin = record.origin();
                meta = new BatchMeta(origin, -1, -1, parserIndex.applyAsInt(origin.service(), origin.path()));
                lastOrigin = origin;
            }
            pipeline.publishReplay(meta, record);
            if (record.offset() >= 0) {
                ingestOffsets.advance(record.origin().source(), record.offset() + 1);
            }
        }
    }
}

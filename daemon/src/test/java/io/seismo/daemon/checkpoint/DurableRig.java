package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.pipeline.BatchLines;
import io.seismo.daemon.pipeline.BatchMeta;
import io.seismo.daemon.pipeline.IngestBatch;
import io.seismo.daemon.pipeline.JournalAck;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One daemon's worth of durable pipeline over a data folder, without HTTP: journal, checkpoint store,
 * checkpointer and the real {@link Pipeline} with a {@link CountingCorrelator}. Opening a second rig on the
 * same folder after the first is closed or abandoned is a restart.
 */
final class DurableRig implements AutoCloseable {
    /** Every line's message is its text. */
    private static final LineParser AS_MESSAGE = (line, out) -> {
        out.setMessage(line.toString());
        return true;
    };

    final DaemonMetrics metrics = new DaemonMetrics();
    final DurabilityMetrics durability = new DurabilityMetrics(metrics.registry(), Clock.systemUTC());
    final CountingCorrelator correlator = new CountingCorrelator();
    final SourceOffsets ingestOffsets = new SourceOffsets();
    final SegmentedJournal journal;
    final CheckpointStore store;
    final Checkpointer checkpointer;
    final Pipeline pipeline;

    DurableRig(Path dataDir, long segmentBytes, AlertingState alerting, CheckpointFault fault) throws IOException {
        journal = new SegmentedJournal(dataDir.resolve("journal"), JournalOptions.perBatch(segmentBytes),
                durability.journalTailTruncated::inc);
        store = new CheckpointStore(dataDir.resolve("checkpoints"), fault, durability.checkpointFallbacks::inc);
        checkpointer = new Checkpointer(store, journal.files(), alerting, Duration.ofMillis(300), durability);
        pipeline = new Pipeline(1024, 2, journal, () -> new LineParser[] {AS_MESSAGE}, correlator, checkpointer, metrics);
    }

    DurableRig(Path dataDir) throws IOException {
        this(dataDir, 1 << 20, AlertingState.stateless(), CheckpointFault.NONE);
    }

    RecoveryResult recover() throws IOException {
        return new Recovery(store, journal.files(), durability)
                .recover(pipeline, correlator, AlertingState.stateless(), ingestOffsets, (service, path) -> 0, Duration.ofSeconds(10));
    }

    /** Publishes lines of one source at consecutive offsets (each line is 10 bytes in its file) and waits for the ack. */
    void ingest(String source, long firstOffset, String... lines) throws Exception {
        long[] offsets = new long[lines.length];
        for (int i = 0; i < lines.length; i++) {
            offsets[i] = firstOffset + 10L * i;
        }
        BatchMeta meta = new BatchMeta("agent-1", "host-1", "checkout", "/var/log/checkout.log", source,
                firstOffset, offsets[lines.length - 1] + 10, 0, System.currentTimeMillis() * 1_000_000L);
        CompletableFuture<Void> journaled = new CompletableFuture<>();
        JournalAck ack = new JournalAck() {
            @Override
            public void journaled() {
                journaled.complete(null);
            }

            @Override
            public void failed(Throwable cause) {
                journaled.completeExceptionally(cause);
            }
        };
        if (!pipeline.tryPublish(new IngestBatch(meta, BatchLines.of(lines, offsets), ack))) {
            throw new IllegalStateException("ring full");
        }
        ingestOffsets.advance(source, offsets[lines.length - 1] + 1);
        journaled.get(10, TimeUnit.SECONDS);
    }

    StoredCheckpoint checkpoint() throws Exception {
        return checkpointer.checkpoint(pipeline::tryPublishBarrier).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        pipeline.close(Duration.ofSeconds(5));
        checkpointer.close();
    }
}

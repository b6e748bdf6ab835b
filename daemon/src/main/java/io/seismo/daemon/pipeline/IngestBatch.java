package io.seismo.daemon.pipeline;

import java.util.Arrays;

/**
 * The good lines of one ingest request, ready to publish. The ring's translator takes them one by one
 * through {@link #fillNext}; the last slot carries the ack so the journal answers once the whole batch is durable.
 */
public final class IngestBatch {
    private final BatchMeta meta;
    private final BatchLines lines;
    private final JournalAck ack;
    private final IngestBatch[] publishArgs;
    private int cursor;

    public IngestBatch(BatchMeta meta, BatchLines lines, JournalAck ack) {
        int count = lines.size();
        if (count <= 0) {
            throw new IllegalArgumentException("a batch holds at least one line");
        }
        this.meta = meta;
        this.lines = lines;
        this.ack = ack;
        // The Disruptor's batch publish takes one argument per slot; every slot reads from this batch.
        this.publishArgs = new IngestBatch[count];
        Arrays.fill(publishArgs, this);
    }

    public int size() {
        return publishArgs.length;
    }

    public BatchMeta meta() {
        return meta;
    }

    IngestBatch[] publishArgs() {
        return publishArgs;
    }

    void fillNext(Slot slot) {
        int i = cursor++;
        boolean last = cursor == publishArgs.length;
        slot.fillLine(meta, lines, i, last ? ack : null);
    }
}

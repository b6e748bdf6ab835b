package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.BatchMeta;
import io.seismo.daemon.pipeline.IngestBatch;
import io.seismo.daemon.pipeline.JournalAck;

/**
 * The good lines of one ingest request on their way into the ring: out of the body, not yet published. The lines
 * its source had already sent are dropped at publication ({@link #keepFrom}), against the high-water mark that
 * the publication advances, so a retry that raced its own first attempt is taken once.
 */
final class OfferedBatch {
    private final BatchMeta meta;
    private final JournalAck ack;
    private final String[] lines;
    private final long[] offsets;
    private final boolean[] truncated;
    private final int[] envelopeBytes;
    private final long offeredNanos;
    private int count;
    private int duplicates;
    private long keptFrom = Long.MIN_VALUE;
    private IngestBatch forRing;

    /**
     * @param capacity the most lines it will hold
     * @param ack      what the journal calls once the published lines are durable
     */
    OfferedBatch(BatchMeta meta, int capacity, JournalAck ack, long offeredNanos) {
        this.meta = meta;
        this.ack = ack;
        this.lines = new String[capacity];
        this.offsets = new long[capacity];
        this.truncated = new boolean[capacity];
        this.envelopeBytes = new int[capacity];
        this.offeredNanos = offeredNanos;
    }

    /** Adds a line in the order the source sent it; {@code offset} is negative when the agent gave none. */
    void add(String line, long offset, boolean lineTruncated, int bytes) {
        lines[count] = line;
        offsets[count] = offset;
        truncated[count] = lineTruncated;
        envelopeBytes[count] = bytes;
        count++;
    }

    int size() {
        return count;
    }

    /** Lines as offered, before any were dropped as duplicates: what the batch weighs while it waits. */
    int linesOffered() {
        return count + duplicates;
    }

    String source() {
        return meta.source();
    }

    long offeredNanos() {
        return offeredNanos;
    }

    /**
     * Drops the lines that start before {@code highWater} (a line without an offset is always kept) and says how
     * many are left. A high-water mark only rises, so a mark no higher than the last one drops nothing new.
     */
    int keepFrom(long highWater) {
        if (highWater <= keptFrom) {
            return count;
        }
        keptFrom = highWater;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (offsets[i] >= 0 && offsets[i] < highWater) {
                duplicates++;
                continue;
            }
            lines[kept] = lines[i];
            offsets[kept] = offsets[i];
            truncated[kept] = truncated[i];
            envelopeBytes[kept] = envelopeBytes[i];
            kept++;
        }
        if (kept != count) {
            count = kept;
            forRing = null;
        }
        return count;
    }

    /** Where the source's high-water mark goes once these lines are in: past the last of them, never back. */
    long nextOffset(long highWater) {
        long next = highWater;
        for (int i = 0; i < count; i++) {
            next = Math.max(next, offsets[i] + 1);
        }
        return next;
    }

    /** The lines kept, as the ring takes them; made again only when a drop changed them. */
    IngestBatch forRing() {
        if (forRing == null) {
            forRing = new IngestBatch(meta, lines, offsets, truncated, count, ack);
        }
        return forRing;
    }

    /** Lines dropped so far because the source had already sent them. */
    int duplicates() {
        return duplicates;
    }

    /** The envelope bytes of the lines kept. */
    long keptBytes() {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += envelopeBytes[i];
        }
        return bytes;
    }
}

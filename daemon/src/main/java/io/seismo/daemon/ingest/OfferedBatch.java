package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.BatchLines;
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
    private final BatchLines lines;
    /** Per line, the bytes it took in the body: its envelope or frame. */
    private final int[] bodyBytes;
    private final long offeredNanos;
    private int duplicates;
    private long keptFrom = Long.MIN_VALUE;
    private IngestBatch forRing;

    /**
     * @param lines where the lines go (see {@link BatchLines}), their array reusable once the batch is settled
     * @param ack   what the journal calls once the published lines are durable
     */
    OfferedBatch(BatchMeta meta, BatchLines lines, JournalAck ack, long offeredNanos) {
        this.meta = meta;
        this.ack = ack;
        this.lines = lines;
        this.bodyBytes = new int[lines.capacity()];
        this.offeredNanos = offeredNanos;
    }

    /**
     * Adds the line of {@code envelope}, in the order the source sent it, with the size it had in the body: copied,
     * or where it is in the body when the lines were made {@link BatchLines#inPlace} over it.
     */
    void add(Envelope envelope, int bytes) {
        bodyBytes[lines.size()] = bytes;
        envelope.addTo(lines);
    }

    /** The array the lines' bytes are in. */
    byte[] text() {
        return lines.text();
    }

    int size() {
        return lines.size();
    }

    /** Lines as offered, before any were dropped as duplicates: what the batch weighs while it waits. */
    int linesOffered() {
        return lines.size() + duplicates;
    }

    BatchMeta meta() {
        return meta;
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
            return lines.size();
        }
        keptFrom = highWater;
        int kept = 0;
        for (int i = 0; i < lines.size(); i++) {
            long offset = lines.offset(i);
            if (offset >= 0 && offset < highWater) {
                duplicates++;
                continue;
            }
            lines.keep(i, kept);
            bodyBytes[kept] = bodyBytes[i];
            kept++;
        }
        if (kept != lines.size()) {
            lines.truncate(kept);
            forRing = null;
        }
        return lines.size();
    }

    /** Where the source's high-water mark goes once these lines are in: past the last of them, never back. */
    long nextOffset(long highWater) {
        long next = highWater;
        for (int i = 0; i < lines.size(); i++) {
            next = Math.max(next, lines.offset(i) + 1);
        }
        return next;
    }

    /** The lines kept, as the ring takes them; made again only when a drop changed them. */
    IngestBatch forRing() {
        if (forRing == null) {
            forRing = new IngestBatch(meta, lines, ack);
        }
        return forRing;
    }

    /** Lines dropped so far because the source had already sent them. */
    int duplicates() {
        return duplicates;
    }

    /** The body bytes (envelopes or frames) of the lines kept. */
    long keptBytes() {
        long bytes = 0;
        for (int i = 0; i < lines.size(); i++) {
            bytes += bodyBytes[i];
        }
        return bytes;
    }
}

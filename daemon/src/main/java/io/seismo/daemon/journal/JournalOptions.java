package io.seismo.daemon.journal;

import java.time.Duration;

/** How the journal cuts and syncs its files. */
public record JournalOptions(long segmentBytes, FsyncPolicy fsync, Duration fsyncInterval) {
    public JournalOptions {
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive: " + segmentBytes);
        }
        if (fsync == FsyncPolicy.INTERVAL && (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero())) {
            throw new IllegalArgumentException("the interval fsync policy needs a positive fsyncInterval");
        }
    }

    /** Per-batch fsync with the given segment size: the durable default. */
    public static JournalOptions perBatch(long segmentBytes) {
        return new JournalOptions(segmentBytes, FsyncPolicy.BATCH, Duration.ofSeconds(1));
    }
}

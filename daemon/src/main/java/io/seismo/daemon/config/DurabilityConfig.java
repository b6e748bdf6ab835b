package io.seismo.daemon.config;

import io.seismo.daemon.journal.FsyncPolicy;

import java.time.Duration;

/**
 * The {@code durability:} section: when the journal forces writes to the device, how often a checkpoint is
 * taken, and how long a graceful stop may take before the process halts.
 */
public record DurabilityConfig(FsyncPolicy fsync, Duration fsyncInterval, Duration checkpointInterval, Duration shutdownTimeout) {
    public static DurabilityConfig defaults() {
        return new DurabilityConfig(FsyncPolicy.BATCH, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }
}

package io.seismo.daemon.journal;

/** When the journal forces its writes to the device. */
public enum FsyncPolicy {
    /** At every group commit: a batch is acknowledged only once it is on the device. */
    BATCH,
    /**
     * At most once per interval: a batch is acknowledged once written to the OS. A process crash loses
     * nothing, but a power loss or kernel crash can lose the acknowledged batches of the last interval.
     */
    INTERVAL
}

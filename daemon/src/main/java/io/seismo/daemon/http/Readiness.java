package io.seismo.daemon.http;

/**
 * Whether the daemon accepts input now, and why not: recovering, stopping. Written by the thread that starts
 * or stops the daemon, read by event loops ({@code /readyz}, ingest). Starts not ready.
 */
public final class Readiness {
    private volatile String notReadyReason;

    public Readiness(String initialReason) {
        this.notReadyReason = initialReason;
    }

    public void notReady(String reason) {
        notReadyReason = reason;
    }

    public void ready() {
        notReadyReason = null;
    }

    public boolean isReady() {
        return notReadyReason == null;
    }

    /** Why the daemon is not ready; null when it is. */
    public String reason() {
        return notReadyReason;
    }
}

package io.seismo.rules.engine;

/** Snapshot bytes that are torn, corrupt or from an incompatible version: recovery falls back to an older one. */
public final class SnapshotFormatException extends RuntimeException {
    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.seismo.daemon.checkpoint;

/** A checkpoint file that cannot be trusted: torn, corrupt, or of a format this build does not read. */
public final class CorruptCheckpointException extends Exception {
    public CorruptCheckpointException(String message) {
        super(message);
    }
}

package io.seismo.rules.state;

/**
 * Saved state that cannot be read back: torn, corrupt, or beyond what this engine allows. The engine turns
 * it into its own {@code SnapshotFormatException}; the state classes only know this one.
 */
public final class CorruptStateException extends RuntimeException {
    public CorruptStateException(String message) {
        super(message);
    }

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same problem, said to be inside {@code context} (a rule, a key, a trace). */
    public CorruptStateException within(String context) {
        return new CorruptStateException(context + ": " + getMessage(), this);
    }
}

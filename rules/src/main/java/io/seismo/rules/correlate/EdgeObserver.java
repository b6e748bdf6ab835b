package io.seismo.rules.correlate;

/** Told about each caller-to-callee call as soon as a trace reveals it. */
@FunctionalInterface
public interface EdgeObserver {
    /**
     * A call from {@code caller} to {@code callee}, seen at {@code atNanos}; {@code callerId} and {@code calleeId}
     * are their {@link ServiceIds} numbers, or {@link ServiceIds#NO_ID} for a name without one.
     */
    void observe(int callerId, int calleeId, String caller, String callee, long atNanos);
}

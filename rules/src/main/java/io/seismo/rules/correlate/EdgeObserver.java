package io.seismo.rules.correlate;

/** Told about each caller-to-callee call as soon as a trace reveals it. */
@FunctionalInterface
public interface EdgeObserver {
    void observe(String caller, String callee, long atNanos);
}

package io.seismo.rules.window;

/**
 * The figures of one key over one window. A reusable scratch holder owned by the evaluating thread: the
 * detectors fill it for each key in turn instead of allocating a value per key and boundary.
 */
public final class WindowCounts {
    private long events;
    private long errors;
    private long warnings;

    public void clear() {
        events = 0;
        errors = 0;
        warnings = 0;
    }

    /** Sets the figures of a window counted elsewhere (a session's). */
    public void set(long allEvents, long allErrors, long allWarnings) {
        events = allEvents;
        errors = allErrors;
        warnings = allWarnings;
    }

    void add(long moreEvents, long moreErrors, long moreWarnings) {
        events += moreEvents;
        errors += moreErrors;
        warnings += moreWarnings;
    }

    public long events() {
        return events;
    }

    /** Events at level ERROR or worse. */
    public long errors() {
        return errors;
    }

    /** Events at level WARN exactly. */
    public long warnings() {
        return warnings;
    }

    /** errors / events, 0 for an empty window (so that {@code errorRatio > x} never holds on no data). */
    public double errorRatio() {
        return events == 0 ? 0.0 : (double) errors / events;
    }
}

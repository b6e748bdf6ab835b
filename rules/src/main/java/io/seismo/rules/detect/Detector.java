package io.seismo.rules.detect;

import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.List;

/**
 * One rule running: counts events into its windows and, at each window boundary the watermark passes,
 * reports the transitions of its conditions. Driven by one thread; never keeps the events it is shown.
 */
public interface Detector {

    String ruleName();

    WindowSpec window();

    /** Counts an event at event time {@code eventNanos}. A rule that throws is counted, never propagated. */
    void onEvent(Event event, long eventNanos);

    /** Evaluates the windows ending at {@code boundaryNanos} and adds the resulting findings to {@code round}. */
    void evaluate(long boundaryNanos, List<Finding> round);

    /**
     * Like {@link #evaluate}, but a detector with many keys may evaluate only {@code maxKeys} of them now and the
     * rest through {@link #evaluateMore}, each key as it was at the boundary. Says whether it is complete.
     */
    default boolean beginEvaluation(long boundaryNanos, int maxKeys, List<Finding> round) {
        evaluate(boundaryNanos, round);
        return true;
    }

    /**
     * Goes on with the evaluation begun last: up to {@code maxKeys} more keys, findings into {@code round}
     * (with those of keys that events made it evaluate early). Says whether it is complete.
     */
    default boolean evaluateMore(int maxKeys, List<Finding> round) {
        return true;
    }

    /** Forgets the state no window ending at or after {@code nextBoundaryNanos} needs. */
    void retainFrom(long nextBoundaryNanos);

    /** Whether the detector holds no state at all, so that boundaries without data can be skipped. */
    boolean isIdle();

    /** Evaluations of the rule's closures that threw. */
    long ruleErrors();

    /** Keys forgotten because the rule reached its bound on keys. */
    long keysEvicted();

    /** Events too late for every window the rule still has open. */
    long eventsTooLate();

    /** Saves everything that decides the rule's future findings: windows, keys, firing state, counters. */
    void writeState(StateOutput out);

    /**
     * Reads what {@link #writeState} wrote (for the same rule definition) and checks it against this
     * engine's bounds; nothing changes until the result is applied.
     */
    StagedRestore readState(StateInput in);
}

package io.seismo.rules.engine;

import io.seismo.rules.detect.Detector;
import io.seismo.rules.dsl.LatePolicy;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.time.Watermark;
import io.seismo.rules.window.WindowSpec;
import java.util.List;
import java.util.function.Function;

/**
 * A detector with its next window boundary. A detector that holds nothing jumps straight to the first
 * boundary after the watermark, so a jump in event time (a replay, a quiet night) costs one evaluation
 * instead of one per empty slide.
 */
final class ScheduledDetector {
    static final long NOT_STARTED = Long.MIN_VALUE;

    private final Detector detector;
    private final RuleIdentity identity;
    private final WindowSpec window;
    private long nextBoundaryNanos = NOT_STARTED;
    private final LatePolicy latePolicy;
    /** Correlator-thread time spent in this rule (events: sampled and scaled; boundaries: every one). */
    private long costNanos;
    /** Whether the detector has keys of its last boundary left to evaluate ({@link #evaluateMore}). */
    private boolean evaluating;
    private long lateCounted;
    private long lateDropped;

    ScheduledDetector(Detector detector, RuleIdentity identity, LatePolicy latePolicy) {
        this.detector = detector;
        this.identity = identity;
        this.latePolicy = latePolicy;
        this.window = detector.window();
    }

    Detector detector() {
        return detector;
    }

    RuleIdentity identity() {
        return identity;
    }

    long nextBoundaryNanos() {
        return nextBoundaryNanos;
    }

    void start(long watermarkNanos) {
        moveTo(window.firstBoundaryAfter(watermarkNanos));
    }

    /**
     * Shows the detector an event, unless it is {@code late} (behind the watermark) and the rule drops late
     * events; times the call when {@code sampleWeight} is not 0 (it stands for that many events).
     */
    void onEvent(Event event, long eventNanos, boolean late, int sampleWeight) {
        if (late) {
            if (latePolicy == LatePolicy.DROP) {
                lateDropped++;
                return;
            }
            lateCounted++;
        }
        if (sampleWeight == 0) {
            detector.onEvent(event, eventNanos);
            return;
        }
        long start = System.nanoTime();
        detector.onEvent(event, eventNanos);
        costNanos += (System.nanoTime() - start) * sampleWeight;
    }

    /** What the rule has cost and seen since the engine started. */
    RuleCost cost() {
        return new RuleCost(detector.ruleName(), costNanos, detector.ruleErrors(), lateCounted, lateDropped);
    }

    /** Evaluates the boundary: {@code maxKeys} keys at once, the rest (if any) through {@link #evaluateMore}. */
    void evaluate(long boundaryNanos, long watermarkNanos, int maxKeys, List<Finding> round) {
        long start = System.nanoTime();
        evaluating = !detector.beginEvaluation(boundaryNanos, maxKeys, round);
        costNanos += System.nanoTime() - start;
        moveTo(boundaryNanos + window.slideNanos());
        if (detector.isIdle() && nextBoundaryNanos <= watermarkNanos) {
            moveTo(window.firstBoundaryAfter(watermarkNanos));
        }
    }

    boolean isEvaluating() {
        return evaluating;
    }

    /** Evaluates up to {@code maxKeys} more keys of the last boundary; says whether that evaluation is complete. */
    boolean evaluateMore(int maxKeys, List<Finding> round) {
        long start = System.nanoTime();
        evaluating = !detector.evaluateMore(maxKeys, round);
        costNanos += System.nanoTime() - start;
        return !evaluating;
    }

    /** What {@link #writeTo} wrote after the next boundary, read ahead of {@code in}: the detector's own part. */
    static StateInput detectorPart(StateInput in) {
        StateInput ahead = in.lookAhead();
        ahead.readLong("next boundary");
        return ahead;
    }

    void writeTo(StateOutput out) {
        out.writeLong(nextBoundaryNanos);
        detector.writeState(out);
    }

    /**
     * Reads what {@link #writeTo} wrote. Between events every boundary the watermark passed has been
     * evaluated, so the next boundary is exactly the first after the watermark: anything else is corrupt
     * (and a boundary far behind the watermark would cost one evaluation per slide to catch up).
     */
    StagedRestore readState(StateInput in, Watermark.Saved watermark) {
        return readState(in, watermark, detector::readState);
    }

    /** The same, with the detector's part read by {@code detectorState} (windows another rule saved, say). */
    StagedRestore readState(StateInput in, Watermark.Saved watermark, Function<StateInput, StagedRestore> detectorState) {
        long boundary = in.readTimeOr(NOT_STARTED, "next boundary");
        long expected = watermark.started() ? window.firstBoundaryAfter(watermark.watermarkNanos()) : NOT_STARTED;
        if (boundary != expected) {
            throw new CorruptStateException("next boundary is " + boundary
                    + ", but the watermark " + watermark.watermarkNanos() + " puts it at " + expected);
        }
        StagedRestore restoreDetector = detectorState.apply(in);
        return () -> {
            nextBoundaryNanos = boundary; // the detector's own state already holds what it retains
            restoreDetector.apply();
        };
    }

    private void moveTo(long boundaryNanos) {
        nextBoundaryNanos = boundaryNanos;
        detector.retainFrom(boundaryNanos);
    }
}

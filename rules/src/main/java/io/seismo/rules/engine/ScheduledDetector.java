package io.seismo.rules.engine;

import io.seismo.rules.detect.Detector;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.window.WindowSpec;
import java.util.List;

/**
 * A detector with its next window boundary. A detector that holds nothing jumps straight to the first
 * boundary after the watermark, so a jump in event time (a replay, a quiet night) costs one evaluation
 * instead of one per empty slide.
 */
final class ScheduledDetector {
    static final long NOT_STARTED = Long.MIN_VALUE;

    private final Detector detector;
    private final WindowSpec window;
    private long nextBoundaryNanos = NOT_STARTED;

    ScheduledDetector(Detector detector) {
        this.detector = detector;
        this.window = detector.window();
    }

    Detector detector() {
        return detector;
    }

    long nextBoundaryNanos() {
        return nextBoundaryNanos;
    }

    void start(long watermarkNanos) {
        moveTo(window.firstBoundaryAfter(watermarkNanos));
    }

    void evaluate(long boundaryNanos, long watermarkNanos, List<Finding> round) {
        detector.evaluate(boundaryNanos, round);
        moveTo(boundaryNanos + window.slideNanos());
        if (detector.isIdle() && nextBoundaryNanos <= watermarkNanos) {
            moveTo(window.firstBoundaryAfter(watermarkNanos));
        }
    }

    private void moveTo(long boundaryNanos) {
        nextBoundaryNanos = boundaryNanos;
        detector.retainFrom(boundaryNanos);
    }
}

package io.seismo.rules.engine;

/**
 * How much of a window boundary a {@link CorrelationEngine} evaluates at once. A rule keyed by user can hold
 * hundreds of thousands of keys, and evaluating them all when the watermark passes the boundary holds up the
 * events behind it for as long as that takes (160 ms every 10 s in the end-to-end benchmark: the daemon's
 * latency tail). In slices, each rule evaluates {@code keysAtBoundary} keys at the boundary and the host asks
 * for the rest between events ({@link CorrelationEngine#evaluateMore}); the findings are the same.
 *
 * @param keysAtBoundary keys each rule evaluates when the watermark passes its boundary
 */
public record EvaluationPacing(int keysAtBoundary) {
    /** Every key at the boundary: for replays and tests, which have no "between events" to use. */
    public static final EvaluationPacing AT_ONCE = new EvaluationPacing(Integer.MAX_VALUE);

    public EvaluationPacing {
        if (keysAtBoundary < 1) {
            throw new IllegalArgumentException("keysAtBoundary must be at least 1, got " + keysAtBoundary);
        }
    }

    /** {@code keysAtBoundary} keys per rule at the boundary, the rest in slices the host asks for. */
    public static EvaluationPacing inSlices(int keysAtBoundary) {
        return new EvaluationPacing(keysAtBoundary);
    }
}

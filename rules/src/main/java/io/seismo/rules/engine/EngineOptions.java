package io.seismo.rules.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Time and memory settings of a {@link CorrelationEngine}. Every bound here is what keeps the engine's
 * memory flat under hostile or broken input.
 *
 * @param allowedLatenessNanos how far behind the newest event time events may arrive and still count
 * @param idleTimeoutNanos     processing time without events after which the watermark moves on its own
 * @param traceGapNanos        event time without a new event after which a trace is closed
 * @param maxOpenTraces        traces assembled at once; beyond, the oldest is closed early (counted)
 * @param maxSpansPerTrace     services, spans and pending parent links remembered per trace
 * @param maxKeysPerRule       keys (services, or {@code by} values) per rule; beyond, the least recent goes
 * @param edgeTtlNanos         event time after which a call edge nobody has seen again is forgotten
 * @param maxGraphEdges        call edges remembered
 * @param evidenceMessages     sample messages per finding
 * @param evidenceTraceIds     sample trace ids per finding
 * @param maxFutureSkewNanos   how far past its receive time an event's own time may be before it is not
 *                             believed (a wrong clock would otherwise push the watermark into the future)
 * @param timeMode             event time (the line's own) or processing time (when the daemon received it)
 */
public record EngineOptions(
        long allowedLatenessNanos,
        long idleTimeoutNanos,
        long traceGapNanos,
        int maxOpenTraces,
        int maxSpansPerTrace,
        int maxKeysPerRule,
        long edgeTtlNanos,
        int maxGraphEdges,
        int evidenceMessages,
        int evidenceTraceIds,
        long maxFutureSkewNanos,
        TimeMode timeMode) {

    public EngineOptions {
        Objects.requireNonNull(timeMode, "timeMode");
        requireAtLeast(allowedLatenessNanos, 0, "allowedLatenessNanos");
        requireAtLeast(idleTimeoutNanos, 0, "idleTimeoutNanos");
        requireAtLeast(traceGapNanos, 1, "traceGapNanos");
        requireAtLeast(maxOpenTraces, 1, "maxOpenTraces");
        requireAtLeast(maxSpansPerTrace, 1, "maxSpansPerTrace");
        requireAtLeast(maxKeysPerRule, 1, "maxKeysPerRule");
        requireAtLeast(edgeTtlNanos, 1, "edgeTtlNanos");
        requireAtLeast(maxGraphEdges, 1, "maxGraphEdges");
        requireAtLeast(evidenceMessages, 0, "evidenceMessages");
        requireAtLeast(evidenceTraceIds, 0, "evidenceTraceIds");
        requireAtLeast(maxFutureSkewNanos, 0, "maxFutureSkewNanos");
    }

    public static EngineOptions defaults() {
        return new EngineOptions(
                Duration.ofSeconds(2).toNanos(),
                Duration.ofSeconds(3).toNanos(),
                Duration.ofSeconds(10).toNanos(),
                100_000,
                1_000,
                10_000,
                Duration.ofMinutes(10).toNanos(),
                10_000,
                5,
                5,
                Duration.ofMinutes(5).toNanos(),
                TimeMode.EVENT);
    }

    public EngineOptions withAllowedLatenessNanos(long nanos) {
        return new EngineOptions(nanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withIdleTimeoutNanos(long nanos) {
        return new EngineOptions(allowedLatenessNanos, nanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withTraceGapNanos(long nanos) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, nanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withMaxOpenTraces(int traces) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, traces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withMaxSpansPerTrace(int spans) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, spans,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withMaxKeysPerRule(int keys) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                keys, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withEdgeTtlNanos(long nanos) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, nanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withMaxGraphEdges(int edges) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, edges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withEvidence(int messages, int traceIds) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, messages, traceIds, maxFutureSkewNanos, timeMode);
    }

    public EngineOptions withMaxFutureSkewNanos(long nanos) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, nanos, timeMode);
    }

    public EngineOptions withTimeMode(TimeMode mode) {
        return new EngineOptions(allowedLatenessNanos, idleTimeoutNanos, traceGapNanos, maxOpenTraces, maxSpansPerTrace,
                maxKeysPerRule, edgeTtlNanos, maxGraphEdges, evidenceMessages, evidenceTraceIds, maxFutureSkewNanos, mode);
    }

    private static void requireAtLeast(long value, long minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}

package io.seismo.dist.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * One generated log line before it gets its per-file sequence number.
 *
 * @param parentSpanId null for the entry service, whose span is the trace root
 * @param httpStatus   null on "handling …" lines and for databases
 * @param durationMs   null on "handling …" lines, which are written before the work is done
 */
record LogLine(
        Instant timestamp,
        String service,
        Level level,
        String traceId,
        String spanId,
        String parentSpanId,
        String message,
        Integer httpStatus,
        Long durationMs) {

    LogLine {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(message, "message");
    }
}

package io.seismo.dist.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders a {@link LogLine} as one JSON object with OpenTelemetry / ECS field names. */
final class LogLineEncoder {

    // Always three fraction digits, unlike Instant.toString, so every line has the same shape.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonFactory json = new JsonFactory();

    /** Returns the line without a trailing newline; Jackson does the string escaping. */
    String encode(LogLine line, long seq) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("@timestamp", TIMESTAMP.format(line.timestamp()));
            generator.writeStringField("level", line.level().name());
            generator.writeStringField("service.name", line.service());
            generator.writeStringField("trace_id", line.traceId());
            generator.writeStringField("span_id", line.spanId());
            if (line.parentSpanId() != null) {
                generator.writeStringField("parent_span_id", line.parentSpanId());
            }
            generator.writeStringField("message", line.message());
            if (line.httpStatus() != null) {
                generator.writeNumberField("http.status", line.httpStatus());
            }
            if (line.durationMs() != null) {
                generator.writeNumberField("duration_ms", line.durationMs());
            }
            generator.writeNumberField("seq", seq);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a log line in memory", e);
        }
        return out.toString();
    }
}

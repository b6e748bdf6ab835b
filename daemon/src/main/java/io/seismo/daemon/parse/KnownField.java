package io.seismo.daemon.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * The event fields a line can name, each with the spellings understood for it (OpenTelemetry, ECS and common
 * loggers; nested JSON names are flattened with dots first). When a line carries several spellings of one
 * field, the one listed first wins, whatever their order in the line.
 */
enum KnownField {
    TIME("@timestamp", "timestamp", "time", "ts", "timeUnixNano", "time_unix_nano", "observedTimeUnixNano"),
    LEVEL("level", "log.level", "severity_text", "severityText", "severity", "lvl", "loglevel"),
    /** OpenTelemetry's 1-24 scale; a textual level in the same line is preferred. */
    SEVERITY_NUMBER("severity_number", "severityNumber"),
    SERVICE("service.name", "service", "service_name", "serviceName", "resource.service.name",
            "resource.attributes.service.name"),
    TRACE_ID("trace_id", "traceId", "trace.id", "traceid"),
    SPAN_ID("span_id", "spanId", "span.id"),
    PARENT_SPAN_ID("parent_span_id", "parentSpanId", "parent.id", "parent_id"),
    MESSAGE("message", "msg", "body", "log", "event.original");

    /** A spelling of a field; a lower rank beats a higher one. */
    record Alias(KnownField field, int rank) {
    }

    static final int COUNT = values().length;

    private static final Map<String, Alias> BY_NAME = new HashMap<>();

    static {
        for (KnownField field : values()) {
            for (int rank = 0; rank < field.names.length; rank++) {
                BY_NAME.put(field.names[rank], new Alias(field, rank));
            }
        }
    }

    private final String[] names;

    KnownField(String... names) {
        this.names = names;
    }

    /** The field this name spells, or null for an ordinary attribute. */
    static Alias lookup(String name) {
        return BY_NAME.get(name);
    }
}

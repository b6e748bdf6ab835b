package io.seismo.rules.testing;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event written out by hand (a test) or read from a recorded log ({@code seismo rules test}), to be fed
 * to an engine through a {@link VirtualTimeDriver}. Immutable; the {@code with…} methods return copies.
 */
public record SyntheticEvent(
        long timeNanos,
        String service,
        Level level,
        String message,
        String traceId,
        String spanId,
        String parentSpanId,
        EventKind kind,
        Map<String, String> attributes) {

    public SyntheticEvent {
        level = level == null ? Level.UNKNOWN : level;
        kind = kind == null ? EventKind.LOG : kind;
        attributes = Map.copyOf(attributes);
    }

    public static SyntheticEvent log(long timeNanos, String service, Level level, String message) {
        return new SyntheticEvent(timeNanos, service, level, message, null, null, null, EventKind.LOG, Map.of());
    }

    public SyntheticEvent withTrace(String id) {
        return new SyntheticEvent(timeNanos, service, level, message, id, spanId, parentSpanId, kind, attributes);
    }

    /** The event's span and its parent span (null for a root span). */
    public SyntheticEvent withSpan(String id, String parentId) {
        return new SyntheticEvent(timeNanos, service, level, message, traceId, id, parentId, kind, attributes);
    }

    public SyntheticEvent withKind(EventKind eventKind) {
        return new SyntheticEvent(timeNanos, service, level, message, traceId, spanId, parentSpanId, eventKind, attributes);
    }

    public SyntheticEvent withAttr(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new SyntheticEvent(timeNanos, service, level, message, traceId, spanId, parentSpanId, kind, more);
    }

    /** Writes this event into a (reused) holder, as the daemon's parsers do with ring slots. */
    public void writeTo(Event holder) {
        holder.reset();
        holder.setEventTimeNanos(timeNanos);
        holder.setService(service);
        holder.setLevel(level);
        holder.setMessage(message);
        holder.setTraceId(traceId);
        holder.setSpanId(spanId);
        holder.setParentSpanId(parentSpanId);
        holder.setKind(kind);
        attributes.forEach(holder::putAttr);
    }
}

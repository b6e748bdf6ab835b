package io.seismo.rules.event;

import java.util.Map;

/**
 * One event, as rules see it. Mutable and reusable: the daemon preallocates one per ring slot and the
 * parsers fill it in place, so whoever keeps anything past the call that handed it an event copies it out.
 */
public final class Event {
    private long eventTimeNanos;
    private long receiveTimeNanos;
    private String host;
    private String source;
    private String path;
    private String service;
    private Level level = Level.UNKNOWN;
    private final HeldText traceId = new HeldText();
    private final HeldText spanId = new HeldText();
    private final HeldText parentSpanId = new HeldText();
    private String message;
    private EventKind kind = EventKind.LOG;
    private boolean parseFailed;
    private final Attributes attributes = new Attributes();
    /** Bumped whenever the message or trace id may change, so a copy made of them can tell it is stale. */
    private long revision;

    /** Clears every field so the holder can take the next event. */
    public void reset() {
        revision++;
        eventTimeNanos = 0;
        receiveTimeNanos = 0;
        host = null;
        source = null;
        path = null;
        service = null;
        level = Level.UNKNOWN;
        traceId.clear();
        spanId.clear();
        parentSpanId.clear();
        message = null;
        kind = EventKind.LOG;
        parseFailed = false;
        attributes.clear();
    }

    /** Copies every field of {@code other} into this holder. */
    public void copyFrom(Event other) {
        revision++;
        eventTimeNanos = other.eventTimeNanos;
        receiveTimeNanos = other.receiveTimeNanos;
        host = other.host;
        source = other.source;
        path = other.path;
        service = other.service;
        level = other.level;
        traceId.copyFrom(other.traceId);
        spanId.copyFrom(other.spanId);
        parentSpanId.copyFrom(other.parentSpanId);
        message = other.message;
        kind = other.kind;
        parseFailed = other.parseFailed;
        attributes.copyFrom(other.attributes);
    }

    /** The value of a parsed field, or null. */
    public String attr(String name) {
        return attributes.get(name);
    }

    public void putAttr(String name, String value) {
        attributes.put(name, value);
    }

    /** Puts characters {@code start} to {@code end} of {@code chars}, copied, as a value made a String when read. */
    public void putAttr(String name, char[] chars, int start, int end) {
        attributes.put(name, chars, start, end);
    }

    /** The parsed fields, in the order they were put: a read-only view that follows later changes. */
    public Map<String, String> getAttributes() {
        return attributes.asMap();
    }

    /**
     * Changes whenever the message or trace id may have: while it stays the same (on the same holder), so do
     * they, and what was derived from them still holds.
     */
    public long revision() {
        return revision;
    }

    public boolean isError() {
        return level.isErrorOrWorse();
    }

    public long getEventTimeNanos() { return eventTimeNanos; }
    public void setEventTimeNanos(long eventTimeNanos) { this.eventTimeNanos = eventTimeNanos; }
    public long getReceiveTimeNanos() { return receiveTimeNanos; }
    public void setReceiveTimeNanos(long receiveTimeNanos) { this.receiveTimeNanos = receiveTimeNanos; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getService() { return service; }
    public void setService(String service) { this.service = service; }
    public Level getLevel() { return level; }
    public void setLevel(Level level) { this.level = level == null ? Level.UNKNOWN : level; }
    public String getTraceId() { return traceId.asString(); }
    public void setTraceId(String traceId) { revision++; this.traceId.set(traceId); }
    public String getSpanId() { return spanId.asString(); }
    public void setSpanId(String spanId) { this.spanId.set(spanId); }
    public String getParentSpanId() { return parentSpanId.asString(); }
    public void setParentSpanId(String parentSpanId) { this.parentSpanId.set(parentSpanId); }

    /** Sets the id to characters {@code start} to {@code end} of {@code chars}, copied: no String is made. */
    public void setTraceId(char[] chars, int start, int end) { revision++; traceId.set(chars, start, end); }
    public void setSpanId(char[] chars, int start, int end) { spanId.set(chars, start, end); }
    public void setParentSpanId(char[] chars, int start, int end) { parentSpanId.set(chars, start, end); }

    /** The id as characters, or null: this event's own holder, valid until the event changes. */
    public CharSequence traceIdText() { return traceId.isPresent() ? traceId : null; }
    public CharSequence spanIdText() { return spanId.isPresent() ? spanId : null; }
    public CharSequence parentSpanIdText() { return parentSpanId.isPresent() ? parentSpanId : null; }
    public String getMessage() { return message; }
    public void setMessage(String message) { revision++; this.message = message; }
    public EventKind getKind() { return kind; }
    public void setKind(EventKind kind) { this.kind = kind; }
    public boolean isParseFailed() { return parseFailed; }
    public void setParseFailed(boolean parseFailed) { this.parseFailed = parseFailed; }
}

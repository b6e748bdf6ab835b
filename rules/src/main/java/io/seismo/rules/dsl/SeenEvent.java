package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event a sequence rule keeps until its partner arrives: a copy of what {@code when { a, b -> … }} can
 * read, bounded (at most {@link #MAX_ATTRIBUTES} attributes of at most {@link #MAX_CHARS} characters, and
 * the message cut likewise), because the pipeline's event holder is reused as soon as the rule returns.
 */
@RuleApi
public final class SeenEvent {
    public static final int MAX_ATTRIBUTES = 32;
    public static final int MAX_CHARS = 512;
    /** What the smallest saved event takes. */
    public static final int MIN_SAVED_BYTES = Long.BYTES + Integer.BYTES + 4 * StateInput.MIN_NULLABLE_STRING_BYTES + Integer.BYTES;

    private final long timeNanos;
    private final String service;
    private final Level level;
    private final String message;
    private final String traceId;
    private final String host;
    private final Map<String, String> attributes;

    private SeenEvent(long timeNanos, String service, Level level, String message, String traceId, String host,
                      Map<String, String> attributes) {
        this.timeNanos = timeNanos;
        this.service = service;
        this.level = level;
        this.message = message;
        this.traceId = traceId;
        this.host = host;
        this.attributes = attributes;
    }

    /** A bounded copy of {@code event}, at event time {@code eventNanos}. */
    public static SeenEvent copyOf(Event event, long eventNanos) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> attr : event.getAttributes().entrySet()) {
            if (kept.size() == MAX_ATTRIBUTES) {
                break;
            }
            if (attr.getKey() == null || attr.getValue() == null) {
                continue;
            }
            kept.put(cut(attr.getKey()), cut(attr.getValue()));
        }
        return new SeenEvent(eventNanos, cut(event.getService()), event.getLevel(), cut(event.getMessage()),
                cut(event.getTraceId()), cut(event.getHost()), kept);
    }

    public long getTimeNanos() {
        return timeNanos;
    }

    public String getService() {
        return service;
    }

    public Level getLevel() {
        return level;
    }

    public String getMessage() {
        return message;
    }

    public String getTraceId() {
        return traceId;
    }

    public String getHost() {
        return host;
    }

    /** A parsed field of the event, or null. */
    public String attr(String name) {
        return attributes.get(name);
    }

    /** {@code attr(name)} as a number, or null when absent or not a number (for coordinates). */
    public Double number(String name) {
        String value = attributes.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void writeTo(StateOutput out) {
        out.writeLong(timeNanos);
        out.writeInt(level.ordinal());
        out.writeString(service);
        out.writeString(message);
        out.writeString(traceId);
        out.writeString(host);
        out.writeInt(attributes.size());
        attributes.forEach((name, value) -> {
            out.writeString(name);
            out.writeString(value);
        });
    }

    public static SeenEvent readFrom(StateInput in) {
        long time = in.readTime("event time");
        int levelIndex = in.readInt("level");
        if (levelIndex < 0 || levelIndex >= Level.values().length) {
            throw new CorruptStateException("level " + levelIndex + " is not a level");
        }
        String service = in.readNullableString("service");
        String message = in.readNullableString("message");
        String traceId = in.readNullableString("trace id");
        String host = in.readNullableString("host");
        int count = in.readCount("attributes", MAX_ATTRIBUTES, 2 * StateInput.MIN_STRING_BYTES);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put(in.readString("attribute name"), in.readString("attribute value"));
        }
        return new SeenEvent(time, service, Level.values()[levelIndex], message, traceId, host, attributes);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}

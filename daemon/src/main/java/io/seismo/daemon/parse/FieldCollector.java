package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scratch space for the fields of one line, reused from line to line. Fields are staged here and written to the
 * event only once the whole line has parsed, so a line that fails half-way leaves the pre-filled event untouched.
 */
final class FieldCollector {
    private static final int NOT_SEEN = Integer.MAX_VALUE;

    private final TimeReader timeReader;
    private final String[] values = new String[KnownField.COUNT];
    private final int[] ranks = new int[KnownField.COUNT];
    /** Attribute names and values, alternating: no per-field holder object. */
    private final List<String> attributes = new ArrayList<>();

    FieldCollector(TimeReader timeReader) {
        this.timeReader = timeReader;
        clear();
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(ranks, NOT_SEEN);
        attributes.clear();
    }

    /** Takes one name/value pair of the line: a known field (best spelling wins) or an attribute. */
    void offer(String name, String value) {
        KnownField.Alias alias = KnownField.lookup(name);
        if (alias == null) {
            attributes.add(name);
            attributes.add(value);
            return;
        }
        // An empty trace id or service says nothing; keep looking for a better spelling.
        int slot = alias.field().ordinal();
        if (!value.isEmpty() && alias.rank() < ranks[slot]) {
            ranks[slot] = alias.rank();
            values[slot] = value;
        }
    }

    /** Writes the staged fields into {@code out}; the message defaults to the whole line. Returns true. */
    boolean commitTo(Event out, String line) {
        String time = value(KnownField.TIME);
        if (time != null) {
            long nanos = timeReader.toEpochNanos(time);
            if (nanos == TimeReader.UNREADABLE) {
                out.putAttr(LineParser.TIME_INVALID_ATTR, time);
            } else {
                out.setEventTimeNanos(nanos);
            }
        }
        String level = value(KnownField.LEVEL);
        String severityNumber = value(KnownField.SEVERITY_NUMBER);
        if (level != null) {
            out.setLevel(readLevel(level));
        } else if (severityNumber != null) {
            out.setLevel(Level.parse(severityNumber));
        }
        String service = value(KnownField.SERVICE);
        if (service != null) {
            out.setService(service);
        }
        out.setTraceId(value(KnownField.TRACE_ID));
        out.setSpanId(value(KnownField.SPAN_ID));
        out.setParentSpanId(value(KnownField.PARENT_SPAN_ID));
        String message = value(KnownField.MESSAGE);
        out.setMessage(message == null ? line : message);
        for (int i = 0; i < attributes.size(); i += 2) {
            out.putAttr(attributes.get(i), attributes.get(i + 1));
        }
        return true;
    }

    private String value(KnownField field) {
        return values[field.ordinal()];
    }

    /** Textual levels, plus the numeric levels of pino and bunyan (10 trace … 60 fatal). */
    private static Level readLevel(String text) {
        switch (text) {
            case "10": return Level.TRACE;
            case "20": return Level.DEBUG;
            case "30": return Level.INFO;
            case "40": return Level.WARN;
            case "50": return Level.ERROR;
            case "60": return Level.FATAL;
            default: return Level.parse(text);
        }
    }
}

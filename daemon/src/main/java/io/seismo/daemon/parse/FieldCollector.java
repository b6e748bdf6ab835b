package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Scratch space for the fields of one line, reused from line to line. Fields are staged here and written to the
 * event only once the whole line has parsed, so a line that fails half-way leaves the pre-filled event untouched.
 * Parsers offer text as a range of what they read: names and values that repeat from line to line come back as
 * the same Strings ({@link RepeatedText}), and the time is read from a reused buffer. Ids and values never seen
 * before go to the event as characters copied into reused arrays, so a line of known shapes allocates nothing: a
 * String is made from such a value only when someone reads it (a rule, or the correlator for a trace's key).
 */
final class FieldCollector {
    private static final int NOT_SEEN = Integer.MAX_VALUE;
    /** Distinct names and values kept over all lines; a slot costs two references and a long. */
    private static final int REPEATED_TEXT_SLOTS = 4096;

    private final TimeReader timeReader;
    private final RepeatedText repeated = new RepeatedText(REPEATED_TEXT_SLOTS);
    private final KnownFieldMemo knownFields = new KnownFieldMemo();
    /** The best-ranked time seen so far in the line, copied: a parser may reuse the characters it offered. */
    private final StringBuilder time = new StringBuilder(40);
    /** The characters of the line, or of a value offered as a String. */
    private final ReusedChars lineChars = new ReusedChars();
    private final ReusedChars valueChars = new ReusedChars();
    /** Ids as characters: the event takes them without a String. */
    private final HeldChars traceId = new HeldChars();
    private final HeldChars spanId = new HeldChars();
    private final HeldChars parentSpanId = new HeldChars();
    private final String[] values = new String[KnownField.COUNT];
    private final int[] ranks = new int[KnownField.COUNT];
    private final StagedAttributes attributes = new StagedAttributes();

    FieldCollector(TimeReader timeReader) {
        this.timeReader = timeReader;
        clear();
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(ranks, NOT_SEEN);
        attributes.clear();
    }

    /** The characters {@code start} to {@code end} of {@code chars} as a String, the same one when it repeats. */
    String text(char[] chars, int start, int end) {
        return repeated.of(chars, start, end);
    }

    /** The ASCII bytes {@code start} to {@code end} of {@code ascii} as a String, the same one when it repeats. */
    String text(byte[] ascii, int start, int end) {
        return repeated.of(ascii, start, end);
    }

    /** The line's characters at their indexes in the line, for parsers that offer ranges of it. */
    char[] charsOf(CharSequence line) {
        return lineChars.copyOf(line);
    }

    /** Takes one name/value pair of the line: a known field (best spelling wins) or an attribute. */
    void offer(String name, String value) {
        offer(name, valueChars.copyOf(value), 0, value.length());
    }

    /** Takes the value {@code start} to {@code end} of {@code text}; the characters may change after the call. */
    void offer(String name, char[] text, int start, int end) {
        KnownField.Alias alias = knownFields.lookup(name);
        if (alias != null && !outranksSeen(alias, start == end)) {
            return;
        }
        String known = alias == null || repeats(alias.field()) ? repeated.known(text, start, end) : null;
        take(name, alias, known, text, start, end);
    }

    /**
     * The same for the UTF-8 bytes {@code start} to {@code end} of {@code text}, {@code ascii} when every one is
     * below 128 (a JSON line read as its ring slot holds it): repeated text is found by its bytes, and only values
     * not seen before are widened to characters.
     */
    void offer(String name, byte[] text, int start, int end, boolean ascii) {
        if (!ascii) {
            offer(name, new String(text, start, end - start, StandardCharsets.UTF_8));
            return;
        }
        KnownField.Alias alias = knownFields.lookup(name);
        if (alias != null && !outranksSeen(alias, start == end)) {
            return;
        }
        String known = alias == null || repeats(alias.field()) ? repeated.known(text, start, end) : null;
        if (known != null) {
            take(name, alias, known, null, 0, 0);
        } else {
            take(name, alias, null, widened(text, start, end), 0, end - start);
        }
    }

    /**
     * Stages a value: as {@code known}, the String it repeats, or else as the characters {@code start} to
     * {@code end} of {@code text}. {@code alias} is the known field it fills, null for an attribute.
     */
    private void take(String name, KnownField.Alias alias, String known, char[] text, int start, int end) {
        if (alias == null) {
            if (known != null) {
                attributes.add(name, known);
            } else {
                attributes.add(name, text, start, end);
            }
            return;
        }
        KnownField field = alias.field();
        switch (field) {
            case TIME -> {
                time.setLength(0);
                time.append(text, start, end - start);
            }
            case TRACE_ID -> traceId.hold(text, start, end);
            case SPAN_ID -> spanId.hold(text, start, end);
            case PARENT_SPAN_ID -> parentSpanId.hold(text, start, end);
            default -> values[field.ordinal()] = known != null ? known : new String(text, start, end - start);
        }
    }

    /**
     * Whether a value for {@code alias} beats what the line gave its field so far (a better spelling wins); the
     * field is then taken. An empty trace id or service says nothing: the search for a better spelling goes on.
     */
    private boolean outranksSeen(KnownField.Alias alias, boolean empty) {
        int slot = alias.field().ordinal();
        if (empty || alias.rank() >= ranks[slot]) {
            return false;
        }
        ranks[slot] = alias.rank();
        return true;
    }

    /**
     * Ids name one trace or span: they do not repeat, so looking them up would only cost (the correlator looks
     * trace ids up as characters and keeps span ids as bytes). The time is copied and read once the line is done.
     */
    private static boolean repeats(KnownField field) {
        return switch (field) {
            case TIME, TRACE_ID, SPAN_ID, PARENT_SPAN_ID -> false;
            default -> true;
        };
    }

    /** ASCII bytes as characters, from index 0 of an array reused for the purpose. */
    private char[] widened(byte[] ascii, int start, int end) {
        char[] into = valueChars.room(end - start);
        for (int i = start; i < end; i++) {
            into[i - start] = (char) ascii[i];
        }
        return into;
    }

    /** Writes the staged fields into {@code out}; the message defaults to the whole line. Returns true. */
    boolean commitTo(Event out, CharSequence line) {
        if (seen(KnownField.TIME)) {
            long nanos = timeReader.toEpochNanos(time);
            if (nanos == TimeReader.UNREADABLE) {
                out.putAttr(LineParser.TIME_INVALID_ATTR, time.toString());
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
        if (seen(KnownField.TRACE_ID)) {
            out.setTraceId(traceId.chars(), 0, traceId.length());
        } else {
            out.setTraceId(null);
        }
        if (seen(KnownField.SPAN_ID)) {
            out.setSpanId(spanId.chars(), 0, spanId.length());
        } else {
            out.setSpanId(null);
        }
        if (seen(KnownField.PARENT_SPAN_ID)) {
            out.setParentSpanId(parentSpanId.chars(), 0, parentSpanId.length());
        } else {
            out.setParentSpanId(null);
        }
        String message = value(KnownField.MESSAGE);
        out.setMessage(message == null ? line.toString() : message);
        attributes.commitTo(out);
        return true;
    }

    private boolean seen(KnownField field) {
        return ranks[field.ordinal()] != NOT_SEEN;
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

package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertCascade;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * An alert as a few lines a person reads in a terminal or a chat fallback: a headline that says what broke and
 * where it started, then the summary and a little evidence. Log lines are untrusted, so control characters
 * (terminal escapes, stray newlines) are neutralised before they reach a console.
 */
public final class AlertText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ssX").withZone(ZoneOffset.UTC);
    private static final int MAX_SAMPLES = 2;
    private static final int MAX_LISTED = 3;
    private static final int MAX_LINE_CHARS = 200;
    private static final String INDENT = "  ";

    private AlertText() {
    }

    /**
     * One line, e.g. {@code [FIRING] CRITICAL service-cascade — root cause: payments-db; affected: payments,
     * checkout (since 12:00:03Z)}.
     */
    public static String headline(Alert alert) {
        StringBuilder line = new StringBuilder()
                .append('[').append(alert.status().name()).append("] ");
        if (alert.severity() != null && !alert.severity().isBlank()) {
            line.append(alert.severity().toUpperCase(Locale.ROOT)).append(' ');
        }
        line.append(alert.ruleName());
        AlertCascade cascade = alert.cascade();
        if (cascade != null) {
            // The services say where it is; labels would only push them off a narrow terminal.
            line.append(" — root cause: ").append(cascade.rootService());
            if (!cascade.affectedServices().isEmpty()) {
                line.append("; affected: ").append(String.join(", ", cascade.affectedServices()));
            }
        } else {
            String labels = labels(alert.labels());
            if (!labels.isEmpty()) {
                line.append(' ').append(labels);
            }
        }
        line.append(" (").append(period(alert)).append(')');
        return clean(line.toString(), Integer.MAX_VALUE);
    }

    /** The headline followed by indented summary, samples, trace ids and what this alert suppressed. */
    public static String block(Alert alert) {
        StringJoiner lines = new StringJoiner(System.lineSeparator());
        lines.add(headline(alert));
        addIfPresent(lines, "summary", alert.summary());
        alert.sampleMessages().stream().limit(MAX_SAMPLES).forEach(sample -> addIfPresent(lines, "sample", sample));
        addIfPresent(lines, "traces", firstOf(alert.traceIds(), MAX_LISTED));
        addIfPresent(lines, "suppressed", firstOf(alert.suppressed(), MAX_LISTED));
        return lines.toString();
    }

    /** Every alert of the notification, one block each. */
    public static String of(Notification notification) {
        StringJoiner blocks = new StringJoiner(System.lineSeparator());
        notification.alerts().forEach(alert -> blocks.add(block(alert)));
        return blocks.toString();
    }

    /** "a, b, c (+4 more)": enough to start looking, short enough to read. */
    public static String firstOf(List<String> items, int limit) {
        if (items.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", items.subList(0, Math.min(limit, items.size())));
        return items.size() > limit ? shown + " (+" + (items.size() - limit) + " more)" : shown;
    }

    /** Replaces control characters with spaces and caps the length, so one hostile log line cannot garble output. */
    public static String clean(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars));
        text.codePoints().limit(maxChars).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        if (text.codePointCount(0, text.length()) > maxChars) {
            out.append('…');
        }
        return out.toString();
    }

    /** "since 12:00:03Z" while firing, "12:00:03Z – 12:05:10Z" once resolved (UTC). */
    public static String period(Alert alert) {
        if (alert.status() == AlertStatus.RESOLVED && alert.endsAt() != null) {
            return clockTime(alert.startsAt()) + " – " + clockTime(alert.endsAt());
        }
        return "since " + clockTime(alert.startsAt());
    }

    /** "12:00:03Z": the time of day in UTC, as every Seismo message writes it. */
    public static String clockTime(Instant instant) {
        return instant == null ? "?" : CLOCK.format(instant);
    }

    /** Labels other than the ones the headline already shows, sorted: {service=checkout}. */
    private static String labels(Map<String, String> labels) {
        StringJoiner joined = new StringJoiner(", ", "{", "}").setEmptyValue("");
        new TreeMap<>(labels).forEach((key, value) -> {
            if (!key.equals("alertname") && !key.equals("severity")) {
                joined.add(key + "=" + value);
            }
        });
        return joined.toString();
    }

    private static void addIfPresent(StringJoiner lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(INDENT + label + ": " + clean(value.strip(), MAX_LINE_CHARS));
        }
    }
}

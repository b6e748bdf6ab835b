package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.Notification;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The names a template may use, each with how it reads an alert: a fixed list plus {@code labels.NAME},
 * {@code annotations.NAME} and {@code values.NAME}. Nothing else: a template can read an alert, never run code.
 */
final class TemplateFields {
    /** How a field reads an alert in its notification; absent facts read as the empty string. */
    interface Field extends BiFunction<Alert, Notification, String> {
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final int LISTED = 3;

    private static final Map<String, Field> FIXED = Map.ofEntries(
            Map.entry("alertname", (a, n) -> a.ruleName()),
            Map.entry("status", (a, n) -> a.status().wireName()),
            Map.entry("severity", (a, n) -> orEmpty(a.severity())),
            Map.entry("summary", (a, n) -> orEmpty(a.summary())),
            Map.entry("description", (a, n) -> orEmpty(a.description())),
            Map.entry("where", (a, n) -> AlertFacts.where(a)),
            Map.entry("since", (a, n) -> AlertText.clockTime(a.startsAt())),
            Map.entry("period", (a, n) -> AlertText.period(a)),
            Map.entry("rootCause", (a, n) -> AlertFacts.rootCause(a)),
            Map.entry("affected", (a, n) -> AlertFacts.affected(a)),
            Map.entry("value", (a, n) -> AlertFacts.value(a)),
            Map.entry("link", AlertFacts::link),
            Map.entry("sample", (a, n) -> a.sampleMessages().isEmpty() ? "" : a.sampleMessages().get(0)),
            Map.entry("traces", (a, n) -> AlertText.firstOf(a.traceIds(), LISTED)),
            Map.entry("fingerprint", (a, n) -> a.fingerprint()));

    private static final Map<String, Function<String, Field>> PREFIXED = Map.of(
            "labels.", key -> (a, n) -> a.labels().getOrDefault(key, ""),
            "annotations.", key -> (a, n) -> a.annotations().getOrDefault(key, ""),
            "values.", key -> (a, n) -> {
                Double value = a.values().get(key);
                return value == null ? "" : AlertFacts.number(value);
            });

    private TemplateFields() {
    }

    /** The field a placeholder names, or empty when the name is not one of ours. */
    static Optional<Field> named(String name) {
        Field fixed = FIXED.get(name);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            Function<String, Field> family = PREFIXED.get(name.substring(0, dot + 1));
            String key = name.substring(dot + 1);
            if (family != null && KEY.matcher(key).matches()) {
                return Optional.of(family.apply(key));
            }
        }
        return Optional.empty();
    }

    /** Every name a template may use, for the error message that lists them. */
    static String known() {
        TreeSet<String> names = new TreeSet<>(FIXED.keySet());
        PREFIXED.keySet().forEach(prefix -> names.add(prefix + "NAME"));
        return String.join(", ", names);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

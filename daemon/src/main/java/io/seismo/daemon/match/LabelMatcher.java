package io.seismo.daemon.match;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager matcher such as {@code service="checkout"} or {@code host=~"web-.*"}. A label the alert does
 * not carry counts as the empty string, and a regex must match the whole value, as in Alertmanager.
 */
public final class LabelMatcher {
    private final String name;
    private final MatchType type;
    private final String value;
    private final Pattern pattern;

    /** @throws IllegalArgumentException if the regex of a {@code =~} or {@code !~} matcher does not compile */
    public LabelMatcher(String name, MatchType type, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
        this.pattern = type.isRegex() ? compile(name, type, value) : null;
    }

    private static Pattern compile(String name, MatchType type, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("matcher " + name + type.operator() + quoted(regex)
                    + ": bad regex at position " + e.getIndex() + ": " + e.getDescription(), e);
        }
    }

    public String name() {
        return name;
    }

    public MatchType type() {
        return type;
    }

    public String value() {
        return value;
    }

    public boolean matches(Map<String, String> labels) {
        return matchesValue(labels.getOrDefault(name, ""));
    }

    /** Whether a label holding this value (empty when absent) passes the matcher. */
    public boolean matchesValue(String labelValue) {
        boolean hit = pattern != null ? pattern.matcher(labelValue).matches() : value.equals(labelValue);
        return hit != type.isNegative();
    }

    /** The canonical form, which {@link Matchers#parse(String)} reads back to an equal matcher. */
    @Override
    public String toString() {
        return name + type.operator() + quoted(value);
    }

    static String quoted(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 2).append('"');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMatcher m && m.name.equals(name) && m.type == type && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value);
    }
}

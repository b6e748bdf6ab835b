package io.seismo.daemon.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A set of Alertmanager label matchers ({@code name="v"}, {@code !=}, {@code =~}, {@code !~}), as routes,
 * inhibit rules and silences write them; all must match. A label an alert does not have counts as empty.
 */
public final class Matchers {
    private final List<LabelMatcher> matchers;

    private Matchers(List<LabelMatcher> matchers) {
        this.matchers = List.copyOf(matchers);
    }

    /** One matcher per entry; throws {@link IllegalArgumentException} naming the matcher and position. */
    public static Matchers parse(List<String> matchers) {
        List<LabelMatcher> parsed = new ArrayList<>();
        for (String text : matchers) {
            parsed.add(MatcherParser.one(text));
        }
        return new Matchers(parsed);
    }

    /** A comma-separated list, braced or not: {@code {service="checkout", severity=~"crit.*"}}. */
    public static Matchers parse(String braced) {
        return new Matchers(MatcherParser.list(braced));
    }

    public boolean matches(Map<String, String> labels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public List<LabelMatcher> matchers() {
        return matchers;
    }

    /** The canonical form, e.g. {@code {service="checkout", severity=~"crit.*"}}. */
    @Override
    public String toString() {
        return matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(", ", "{", "}"));
    }
}

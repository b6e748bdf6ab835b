package io.seismo.daemon.alerting;

import io.seismo.daemon.route.LabelMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stand-in for the daemon's Alertmanager matchers: {@code name="value"} and {@code name!="value"} only. */
final class FakeMatchers {
    private static final Pattern FORM = Pattern.compile("(\\w+)(!?=)\"([^\"]*)\"");

    private FakeMatchers() {
    }

    static LabelMatcher parse(List<String> matchers) {
        List<LabelMatcher> all = new ArrayList<>();
        for (String text : matchers) {
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a matcher: " + text);
            }
            String name = m.group(1);
            String value = m.group(3);
            boolean equal = m.group(2).equals("=");
            all.add(labels -> Objects.equals(labels.getOrDefault(name, ""), value) == equal);
        }
        return (Map<String, String> labels) -> all.stream().allMatch(matcher -> matcher.matches(labels));
    }
}

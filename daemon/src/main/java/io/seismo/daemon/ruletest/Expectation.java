package io.seismo.daemon.ruletest;

import io.seismo.rules.finding.Finding;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One line of an expectations file: how many times a rule (optionally for one key, optionally with some
 * labels) is expected to fire during a replay. {@code exactly} and {@code atLeast} are alternatives.
 */
public record Expectation(String rule, String key, Map<String, String> labels, OptionalLong exactly,
                          OptionalLong atLeast) {
    public Expectation {
        labels = Map.copyOf(labels);
    }

    public boolean covers(Finding finding) {
        return finding.ruleName().equals(rule)
                && (key == null || key.equals(finding.key()))
                && labels.entrySet().stream().allMatch(l -> l.getValue().equals(finding.labels().get(l.getKey())));
    }

    public boolean isMetBy(long firings) {
        return exactly.isPresent() ? firings == exactly.getAsLong() : firings >= atLeast.orElse(1);
    }

    /** The expectation in words, for the report. */
    public String describe() {
        String what = rule + (key == null ? "" : " [" + key + "]") + (labels.isEmpty() ? "" : " " + labels);
        String count = exactly.isPresent() ? "exactly " + exactly.getAsLong() : "at least " + atLeast.orElse(1);
        return what + " fires " + count + " time(s)";
    }
}

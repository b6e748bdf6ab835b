package io.seismo.rules.dsl;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sequence (pair) rule. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param window the grid on which matches are reported
 * @param where  null: every log event may be A or B
 * @param by     null: grouped by service
 * @param when   null: every A then B pair matches
 */
public record SequenceDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        RuleClosure first,
        RuleClosure then,
        RuleClosure when,
        long withinNanos) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    public SequenceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(then, "then");
        if (withinNanos <= 0) {
            throw new IllegalArgumentException("within must be positive");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by, first, then, when);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of(withinNanos);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        String pair = when == null ? "" : when.sourceText() != null ? " where " + when.sourceText() : " matching at " + file + ":" + line;
        return text(first) + " then " + text(then) + " within " + Duration.ofNanos(withinNanos) + pair;
    }

    public EventMatcher newFirstMatcher(EventView view) {
        return new EventMatcher(first, view);
    }

    public EventMatcher newThenMatcher(EventView view) {
        return new EventMatcher(then, view);
    }

    public PairCondition newCondition() {
        return new PairCondition(when);
    }

    private String text(RuleClosure part) {
        return part.sourceText() != null ? "{ " + part.sourceText() + " }" : "{ … }";
    }
}

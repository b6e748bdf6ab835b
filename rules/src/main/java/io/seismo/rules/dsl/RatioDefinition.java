package io.seismo.rules.dsl;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ratio rule. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param denominator null: every log event counts toward the total
 * @param by          null: grouped by service
 */
public record RatioDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure denominator,
        RuleClosure numerator,
        RuleClosure by,
        RuleClosure fireWhen) implements RuleDefinition, KeyedRule, IdentityParts {

    public RatioDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(fireWhen, "fireWhen");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(denominator, numerator, by, fireWhen);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of();
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        return fireWhen.sourceText() != null ? fireWhen.sourceText() : "fireWhen at " + file + ":" + line;
    }

    /** A fresh matcher of the denominator for one engine's thread. */
    public EventMatcher newDenominatorMatcher(EventView view) {
        return new EventMatcher(denominator, view);
    }

    /** A fresh matcher of the numerator for one engine's thread. */
    public EventMatcher newNumeratorMatcher(EventView view) {
        return new EventMatcher(numerator, view);
    }

    public ViewCondition<RatioView> newCondition() {
        return new ViewCondition<>(fireWhen, new RatioView());
    }
}

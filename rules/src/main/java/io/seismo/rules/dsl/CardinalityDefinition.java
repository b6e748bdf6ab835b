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
 * A cardinality rule. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param where null: every log event counts
 * @param by    null: grouped by service
 */
public record CardinalityDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        RuleClosure distinct,
        RuleClosure fireWhen,
        int maxDistinct) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    public CardinalityDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(distinct, "distinct");
        Objects.requireNonNull(fireWhen, "fireWhen");
        if (maxDistinct < 1) {
            throw new IllegalArgumentException("maxDistinct must be positive");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by, distinct, fireWhen);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of((long) maxDistinct);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        return fireWhen.sourceText() != null ? fireWhen.sourceText() : "fireWhen at " + file + ":" + line;
    }

    /** A fresh value function for one engine's thread. */
    public EventKeyer newDistinctOf(EventView view) {
        return new EventKeyer(distinct, view);
    }

    public ViewCondition<CardinalityView> newCondition() {
        return new ViewCondition<>(fireWhen, new CardinalityView());
    }
}

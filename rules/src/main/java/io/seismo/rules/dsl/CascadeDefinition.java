package io.seismo.rules.dsl;

import io.seismo.rules.correlate.ServiceEdge;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cascade rule: per-service health over {@code window}, onsets grouped when at most {@code withinNanos} apart.
 * {@code declaredEdges} are calls the rule file states (caller, callee), known before any trace shows them.
 */
public record CascadeDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        long withinNanos,
        RuleClosure unhealthyWhen,
        List<ServiceEdge> declaredEdges) implements RuleDefinition {

    public CascadeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(unhealthyWhen, "unhealthyWhen");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        declaredEdges = List.copyOf(declaredEdges);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.CASCADE;
    }

    @Override
    public String conditionText() {
        String health = unhealthyWhen.sourceText() != null ? unhealthyWhen.sourceText() : "unhealthyWhen at " + file + ":" + line;
        return "a chain of callers unhealthy when " + health;
    }

    /** A fresh health condition for one engine's thread. */
    public WindowCondition newCondition() {
        return new WindowCondition(unhealthyWhen);
    }
}

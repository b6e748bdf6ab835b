package io.seismo.rules.dsl;

import io.seismo.rules.event.EventKind;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A threshold rule.
 *
 * @param where null: every log event counts
 * @param by    null: grouped by service
 */
public record ThresholdDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        RuleClosure fireWhen) implements RuleDefinition, FilteredKeyedRule {

    public ThresholdDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(fireWhen, "fireWhen");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        return fireWhen.sourceText() != null ? fireWhen.sourceText() : "fireWhen at " + file + ":" + line;
    }

    /** A threshold counts only what its {@code where} lets through, so that decides the services it sees. */
    @Override
    public ServiceGuard serviceGuard() {
        return ServiceGuard.of(where);
    }

    /** A fresh matcher that lets only events of {@code kind} through (a traces rule's: trace summaries). */
    public EventMatcher newMatcher(EventKind kind, EventView view) {
        return new EventMatcher(where, kind, view);
    }

    /** A fresh condition for one engine's thread. */
    public WindowCondition newCondition() {
        return new WindowCondition(fireWhen);
    }
}

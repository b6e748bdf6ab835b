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

    /**
     * What this rule counts, as text: two rules with the same text count the same events by the same keys over
     * the same windows, so one detector can keep the windows for both and look each event's key up once. Null
     * when that cannot be told from the rule: a {@code where} or {@code by} that reads more than the event
     * (see {@link ViewFunction}), or one written in Java.
     */
    public String windowSharingKey() {
        String whereText = where == null ? "every log event" : where.viewFunctionText();
        String byText = by == null ? "by service" : by.viewFunctionText();
        if (whereText == null || byText == null) {
            return null;
        }
        return "window " + window.sizeNanos() + "/" + window.slideNanos() + " ns\n"
                + (where == null ? "" : "where ") + whereText + "\n" + (by == null ? "" : "by ") + byText;
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

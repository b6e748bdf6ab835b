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
 * An {@code any} rule: a key fires on its first matching event and resolves after {@code quietNanos}
 * without one. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param window the grid on which firing and resolving are checked
 * @param where  null: every log event matches
 * @param by     null: grouped by service
 */
public record AnyDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        long quietNanos) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    public AnyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        if (quietNanos <= 0) {
            throw new IllegalArgumentException("quiet must be positive, got " + quietNanos + " ns");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of(quietNanos);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        String matching = where == null ? "any log event"
                : where.sourceText() != null ? "any event where " + where.sourceText() : "any event matching at " + file + ":" + line;
        return matching + ", until quiet for " + Duration.ofNanos(quietNanos);
    }
}

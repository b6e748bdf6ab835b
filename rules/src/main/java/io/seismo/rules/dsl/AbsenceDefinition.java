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
 * An absence rule (a missing heartbeat). Its findings are threshold findings, so alerting treats them alike.
 *
 * @param window           the grid on which silence is checked
 * @param where            null: every log event counts
 * @param by               null: grouped by service
 * @param forgetAfterNanos a key silent this long is forgotten, so a decommissioned one does not fire forever
 */
public record AbsenceDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        long expectWithinNanos,
        long forgetAfterNanos) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    public AbsenceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        if (expectWithinNanos <= 0 || forgetAfterNanos <= expectWithinNanos) {
            throw new IllegalArgumentException("forgetAfter (" + Duration.ofNanos(forgetAfterNanos)
                    + ") must be longer than expectWithin (" + Duration.ofNanos(expectWithinNanos) + ")");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of(expectWithinNanos, forgetAfterNanos);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        return "no matching event for " + Duration.ofNanos(expectWithinNanos);
    }
}

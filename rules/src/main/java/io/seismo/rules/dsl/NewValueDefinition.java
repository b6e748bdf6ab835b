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
 * A new-value rule. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param window the grid on which new values are reported
 * @param where  null: every log event counts
 * @param by     null: grouped by service
 */
public record NewValueDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        WindowSpec window,
        RuleClosure where,
        RuleClosure by,
        RuleClosure value,
        int remember,
        long forgetAfterNanos) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    public NewValueDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(value, "value");
        if (remember < 1 || forgetAfterNanos <= 0) {
            throw new IllegalArgumentException("remember and forgetAfter must be positive");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by, value);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of((long) remember, forgetAfterNanos);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        String what = value.sourceText() != null ? value.sourceText() : "the value at " + file + ":" + line;
        return "first sight of " + what + " in " + Duration.ofNanos(forgetAfterNanos);
    }

    /** A fresh value function for one engine's thread: a key function over the rule's {@code value}. */
    public EventKeyer newValueOf(EventView view) {
        return new EventKeyer(value, view);
    }
}

package io.seismo.rules.dsl;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code traces} rule: a threshold over the summaries of traces as they close (their services, call edges,
 * services with errors, first error and duration) instead of over log lines. It is written like a threshold
 * rule and counts like one; only closed traces reach it.
 */
public record TracesDefinition(ThresholdDefinition threshold) implements RuleDefinition, IdentityParts {

    public TracesDefinition {
        Objects.requireNonNull(threshold, "threshold");
    }

    @Override
    public String name() {
        return threshold.name();
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String file() {
        return threshold.file();
    }

    @Override
    public int line() {
        return threshold.line();
    }

    @Override
    public Severity severity() {
        return threshold.severity();
    }

    @Override
    public Map<String, String> labels() {
        return threshold.labels();
    }

    @Override
    public WindowSpec window() {
        return threshold.window();
    }

    @Override
    public String conditionText() {
        return threshold.conditionText();
    }

    /** No log event ever reaches a traces rule: the engine hands it closed traces itself. */
    @Override
    public ServiceGuard serviceGuard() {
        return ServiceGuard.NONE;
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(threshold.where(), threshold.by(), threshold.fireWhen());
    }

    @Override
    public List<Long> identitySettings() {
        return List.of();
    }
}

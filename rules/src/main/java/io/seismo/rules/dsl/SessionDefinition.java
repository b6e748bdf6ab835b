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
 * A session rule: per key, events at most {@code gapNanos} apart form one session; when the watermark passes
 * its last event plus the gap, the session is over and {@code fireWhen} decides over all of it. A session that
 * holds fires its key and resolves one gap after the session ended (so that the alert can be told): each
 * session is an episode of its own. Its findings are threshold findings, so alerting treats them alike.
 *
 * @param where null: every log event counts
 * @param by    null: grouped by service
 */
public record SessionDefinition(
        String name,
        String file,
        int line,
        Severity severity,
        Map<String, String> labels,
        long gapNanos,
        RuleClosure where,
        RuleClosure by,
        RuleClosure fireWhen) implements RuleDefinition, FilteredKeyedRule, IdentityParts {

    private static final long LONGEST_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    public SessionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(fireWhen, "fireWhen");
        if (gapNanos <= 0) {
            throw new IllegalArgumentException("a session's gap must be positive");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The grid on which ended sessions are looked for: every second, or every gap when that is shorter. */
    @Override
    public WindowSpec window() {
        return WindowSpec.tumbling(Math.min(gapNanos, LONGEST_CHECK_NANOS));
    }

    @Override
    public List<RuleClosure> identityClosures() {
        return Arrays.asList(where, by, fireWhen);
    }

    @Override
    public List<Long> identitySettings() {
        return List.of(gapNanos);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.THRESHOLD;
    }

    @Override
    public String conditionText() {
        String condition = fireWhen.sourceText() != null ? fireWhen.sourceText() : "fireWhen at " + file + ":" + line;
        return condition + " over a session (pauses under " + Duration.ofNanos(gapNanos) + ")";
    }

    @Override
    public ServiceGuard serviceGuard() {
        return ServiceGuard.of(where);
    }

    public WindowCondition newCondition() {
        return new WindowCondition(fireWhen);
    }
}

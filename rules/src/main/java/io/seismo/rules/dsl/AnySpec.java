package io.seismo.rules.dsl;

import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;

/**
 * The body of {@code any(name) { … }}: fires on the first matching event of a key and resolves once the key
 * has been {@code quiet} that long. The window is only the grid on which that is checked.
 */
@RuleApi
public final class AnySpec extends KeyedEventSpec {
    static final Duration DEFAULT_QUIET = Duration.ofMinutes(5);
    static final WindowSpec DEFAULT_CHECK_GRID = WindowSpec.tumbling(Duration.ofSeconds(10).toNanos());

    private long quietNanos = DEFAULT_QUIET.toNanos();

    AnySpec() {
        super(Severity.WARNING, DEFAULT_CHECK_GRID);
    }

    /** How long a key must see no matching event before its finding resolves; default 5 minutes. */
    public void quiet(Duration span) {
        this.quietNanos = nanos(span, "quiet");
    }

    AnyDefinition build(String name, String file, int line) {
        return new AnyDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), quietNanos);
    }
}

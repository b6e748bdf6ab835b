package io.seismo.rules.dsl;

import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;

/**
 * The body of {@code threshold(name) { … }} (and of {@code traces(name) { … }}). The one-argument methods are
 * what rule authors write; the compiler turns them into the two-argument forms, passing the closure's source text.
 */
@RuleApi
public final class ThresholdSpec extends CountedEventSpec {
    static final WindowSpec DEFAULT_WINDOW = WindowSpec.sliding(Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(10).toNanos());

    ThresholdSpec() {
        super(Severity.WARNING, DEFAULT_WINDOW);
    }

    ThresholdDefinition build(String name, String file, int line) {
        if (chosenFireWhen() == null) {
            throw new IllegalArgumentException("threshold needs a condition: fireWhen { errors >= 5 && errorRatio > 0.2 }");
        }
        return new ThresholdDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(), chosenWhere(),
                chosenBy(), chosenFireWhen());
    }
}

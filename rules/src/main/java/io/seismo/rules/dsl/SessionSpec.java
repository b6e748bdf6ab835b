package io.seismo.rules.dsl;

import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;

import java.time.Duration;

/**
 * The body of {@code session(name) { … }}: per key, a session lasts while matching events come at most
 * {@code gap} apart; when it ends, {@code fireWhen} is asked about the whole session.
 */
@RuleApi
public final class SessionSpec extends CountedEventSpec {
    private long gapNanos;

    SessionSpec() {
        super(Severity.WARNING, null);
    }

    /** The longest pause inside one session, e.g. {@code gap 5.minutes}. */
    public void gap(Duration span) {
        this.gapNanos = nanos(span, "gap");
    }

    SessionDefinition build(String name, String file, int line) {
        if (gapNanos == 0) {
            throw new IllegalArgumentException("session needs the pause that ends a session: gap 5.minutes");
        }
        if (chosenFireWhen() == null) {
            throw new IllegalArgumentException("session needs a condition over the session: fireWhen { errors > 20 }");
        }
        if (chosenWindow() != null) {
            throw new IllegalArgumentException("a session rule has no window: its sessions are cut by gap");
        }
        return new SessionDefinition(name, file, line, chosenSeverity(), chosenLabels(), gapNanos, chosenWhere(),
                chosenBy(), chosenFireWhen());
    }
}

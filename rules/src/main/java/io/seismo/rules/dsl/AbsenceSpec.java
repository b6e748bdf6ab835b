package io.seismo.rules.dsl;

import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import java.time.Duration;

/**
 * The body of {@code absence(name) { … }}: fires when a key seen before has had no matching event for
 * {@code expectWithin}; resolves when it is seen again. The window is only the grid on which that is checked.
 */
@RuleApi
public final class AbsenceSpec extends KeyedEventSpec {
    static final Duration DEFAULT_FORGET_AFTER = Duration.ofDays(1);

    private long expectWithinNanos;
    private long forgetAfterNanos = DEFAULT_FORGET_AFTER.toNanos();

    AbsenceSpec() {
        super(Severity.WARNING, AnySpec.DEFAULT_CHECK_GRID);
    }

    /** The longest a key may go without a matching event, e.g. {@code expectWithin 1.minute}. */
    public void expectWithin(Duration span) {
        this.expectWithinNanos = nanos(span, "expectWithin");
    }

    /** After this long without an event a key is forgotten (and resolved if firing); default 1 day. */
    public void forgetAfter(Duration span) {
        this.forgetAfterNanos = nanos(span, "forgetAfter");
    }

    AbsenceDefinition build(String name, String file, int line) {
        if (expectWithinNanos == 0) {
            throw new IllegalArgumentException("absence needs to know how often a key reports: expectWithin 1.minute");
        }
        return new AbsenceDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), expectWithinNanos, forgetAfterNanos);
    }
}

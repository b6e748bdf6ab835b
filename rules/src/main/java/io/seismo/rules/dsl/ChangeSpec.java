package io.seismo.rules.dsl;

import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import java.time.Duration;

/** The body of {@code change(name) { … }}: notices when the value for a key differs from the last one. */
@RuleApi
public final class ChangeSpec extends KeyedValueSpec {
    private long forgetAfterNanos = NewValueSpec.DEFAULT_FORGET_AFTER.toNanos();

    ChangeSpec() {
        super(Severity.INFO, AnySpec.DEFAULT_CHECK_GRID);
    }

    /** A key not seen for this long is forgotten: its next value is a first sight, not a change; default 30 days. */
    public void forgetAfter(Duration span) {
        this.forgetAfterNanos = nanos(span, "forgetAfter");
    }

    ChangeDefinition build(String name, String file, int line) {
        return new ChangeDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), chosenValue("change"), forgetAfterNanos);
    }
}

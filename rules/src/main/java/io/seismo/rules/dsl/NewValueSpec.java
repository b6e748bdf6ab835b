package io.seismo.rules.dsl;

import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import java.time.Duration;

/** The body of {@code newValue(name) { … }}: notices the first sight of a value for a key. */
@RuleApi
public final class NewValueSpec extends KeyedValueSpec {
    static final int DEFAULT_REMEMBER = 100_000;
    static final int MAX_REMEMBER = 10_000_000;
    static final Duration DEFAULT_FORGET_AFTER = Duration.ofDays(30);

    private int remember = DEFAULT_REMEMBER;
    private long forgetAfterNanos = DEFAULT_FORGET_AFTER.toNanos();

    NewValueSpec() {
        super(Severity.INFO, AnySpec.DEFAULT_CHECK_GRID);
    }

    /** How many (key, value) pairs to remember at most; the one seen least recently goes first. */
    public void remember(int pairs) {
        if (pairs < 1 || pairs > MAX_REMEMBER) {
            throw new IllegalArgumentException("remember takes 1.." + MAX_REMEMBER + " pairs, got " + pairs);
        }
        this.remember = pairs;
    }

    /** A pair not seen for this long is forgotten, and is new again when next seen; default 30 days. */
    public void forgetAfter(Duration span) {
        this.forgetAfterNanos = nanos(span, "forgetAfter");
    }

    NewValueDefinition build(String name, String file, int line) {
        return new NewValueDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(),
                chosenWhere(), chosenBy(), chosenValue("newValue"), remember, forgetAfterNanos);
    }
}

package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleBudgetExceeded;
import io.seismo.rules.sandbox.RuleEvaluation;

import java.util.function.Function;

/**
 * One part of a rule bound for one engine thread, with its health. Every call runs on a fresh step budget;
 * a part that keeps failing is switched off so that it stops costing the correlator thread: after
 * {@link #DISABLE_AFTER_FAILURES} failures in a row (a rule that throws on most events is broken), or after
 * {@link #DISABLE_AFTER_OVERRUNS} budget overruns (each one held the thread for up to the budget). Other
 * rules are unaffected either way.
 */
public final class RulePart {
    static final int DISABLE_AFTER_FAILURES = 1_000;
    static final int DISABLE_AFTER_OVERRUNS = 3;

    private final Function<Object, Object> body;
    private int failuresInARow;
    private int overruns;
    private String disabledBecause;

    RulePart(Function<Object, Object> body) {
        this.body = body;
    }

    /** Runs the part; throws what it throws (counted by the detector), a too deep nesting as an overrun. */
    Object call(Object view) {
        RuleEvaluation.begin();
        try {
            Object result = body.apply(view);
            failuresInARow = 0;
            return result;
        } catch (RuleBudgetExceeded e) {
            overran(e.getMessage());
            throw e;
        } catch (StackOverflowError e) {
            overran("the rule nested too deep");
            throw new RuleBudgetExceeded("the rule nested too deep");
        } catch (RuntimeException e) {
            if (++failuresInARow >= DISABLE_AFTER_FAILURES && disabledBecause == null) {
                disabledBecause = "failed " + failuresInARow + " times in a row, last: " + e;
            }
            throw e;
        }
    }

    public boolean disabled() {
        return disabledBecause != null;
    }

    /** Why the part was switched off; null while it runs. */
    public String disabledBecause() {
        return disabledBecause;
    }

    private void overran(String reason) {
        if (++overruns >= DISABLE_AFTER_OVERRUNS && disabledBecause == null) {
            disabledBecause = "over its budget " + overruns + " times, last: " + reason;
        }
    }
}

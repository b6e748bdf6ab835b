package io.seismo.rules.sandbox;

/**
 * The budget of the rule evaluation running on this thread: a number of steps, which makes the outcome the
 * same on every machine and in every replay, and a wall-clock limit as a safety net for a step that is slow
 * by itself. Not callable from rules (it is not {@link RuleApi}): a rule cannot reset its own budget.
 */
public final class RuleEvaluation {
    /** Closure calls and statements one evaluation may run: far beyond any sensible rule. */
    public static final int MAX_STEPS = 100_000;
    /**
     * The wall-clock limit of one evaluation: generous, because a rule's first run pays for class loading
     * and call-site linking; the step limit is the budget that matters.
     */
    public static final long MAX_NANOS = 100_000_000;

    private static final ThreadLocal<RuleEvaluation> CURRENT = ThreadLocal.withInitial(RuleEvaluation::new);

    private int steps;
    private long startedNanos;

    private RuleEvaluation() {
    }

    /** Starts the budget of a rule evaluation on this thread. */
    public static void begin() {
        CURRENT.get().steps = 0;
    }

    static RuleEvaluation current() {
        return CURRENT.get();
    }

    void step() {
        int now = ++steps;
        if (now == 1) {
            // Read the clock only for rules that take steps at all.
            startedNanos = System.nanoTime();
            return;
        }
        if (now > MAX_STEPS) {
            throw new RuleBudgetExceeded("the rule ran more than " + MAX_STEPS + " steps in one evaluation");
        }
        if (System.nanoTime() - startedNanos > MAX_NANOS) {
            throw new RuleBudgetExceeded("the rule ran longer than " + MAX_NANOS / 1_000_000 + " ms in one evaluation");
        }
    }
}

package io.seismo.rules.sandbox;

/**
 * The one call the compiler adds to rule code: at the start of every nested closure, and between the
 * statements of a rule part that has several. Rules cannot loop, but {@code collect} inside {@code collect}
 * multiplies work and {@code list + list} doubles memory; these steps let {@link RuleEvaluation} stop such a
 * rule. A rule part that is a single expression (most are) never pays for it.
 */
@RuleApi
public final class RuleBudget {
    private RuleBudget() {
    }

    /** Counts one step of the rule running on this thread; throws once it is over its budget. */
    public static void step() {
        RuleEvaluation.current().step();
    }
}

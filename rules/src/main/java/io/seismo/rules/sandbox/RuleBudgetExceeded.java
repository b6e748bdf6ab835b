package io.seismo.rules.sandbox;

/** A rule evaluation stopped for running too many steps or too long; counted like any rule failure. */
public final class RuleBudgetExceeded extends RuntimeException {
    public RuleBudgetExceeded(String message) {
        super(message, null, false, false);
    }
}

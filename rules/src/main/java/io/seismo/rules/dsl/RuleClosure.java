package io.seismo.rules.dsl;

import groovy.lang.Closure;

/**
 * A closure from a rule file (a {@code where}, {@code by} or condition) with its source text. Immutable:
 * each engine binds its own copy, because a bound closure carries the view it reads from.
 */
public final class RuleClosure {
    private final Closure<?> prototype;
    private final String sourceText;

    RuleClosure(Closure<?> prototype, String sourceText) {
        this.prototype = prototype;
        this.sourceText = sourceText;
    }

    /** The closure's body as written, whitespace collapsed; null when the compiler could not tell. */
    public String sourceText() {
        return sourceText;
    }

    Closure<?> bindTo(Object delegate) {
        Closure<?> bound = prototype.rehydrate(delegate, prototype.getOwner(), prototype.getThisObject());
        bound.setResolveStrategy(Closure.DELEGATE_FIRST);
        return bound;
    }
}

package io.seismo.rules.dsl;

import groovy.lang.Closure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A part of a rule (a {@code where}, {@code by} or condition) with its source text: a closure from a rule file,
 * or a Java function for a rule built in code. Immutable: each engine binds its own copy, because a bound
 * Groovy closure carries the view it reads from.
 */
public final class RuleClosure {
    private final Closure<?> prototype;
    private final Function<Object, Object> javaBody;
    private final String sourceText;
    /**
     * Whether {@link #viewFunctionText} holds, once asked: parsing the text costs about a millisecond, and every
     * engine built from the rule set (each reload) asks for each rule. Null until then; a race only decides twice.
     */
    private volatile Boolean readsOnlyTheView;

    RuleClosure(Closure<?> prototype, String sourceText) {
        this.prototype = Objects.requireNonNull(prototype, "prototype");
        this.javaBody = null;
        this.sourceText = sourceText;
    }

    private RuleClosure(Function<Object, Object> javaBody, String sourceText) {
        this.prototype = null;
        this.javaBody = javaBody;
        this.sourceText = sourceText;
    }

    /**
     * A rule part written in Java, called with the view the Groovy closure would read from ({@link EventView}
     * for {@code where} and {@code by}, {@link WindowView} for a condition).
     */
    public static <V> RuleClosure ofJava(Class<V> viewType, Function<V, ?> body, String sourceText) {
        Objects.requireNonNull(body, "body");
        return new RuleClosure(view -> body.apply(viewType.cast(view)), sourceText);
    }

    /** The closure's body as written, whitespace collapsed; null when the compiler could not tell. */
    public String sourceText() {
        return sourceText;
    }

    /** Whether this part comes from a rule file (its source text is then the code that runs). */
    boolean isScript() {
        return prototype != null;
    }

    /**
     * Whether the closure captured a local variable of the rule file named {@code name}: inside it, the name
     * then means that variable, not the view's property. Groovy keeps each captured variable as a field of
     * the closure's class, named after it.
     */
    boolean capturesVariable(String name) {
        return capturedVariables().contains(name);
    }

    /**
     * This part's text when it computes from the event view alone ({@link ViewFunction}) and captured nothing,
     * so that another part with the same text computes the same; null otherwise, and for a part written in Java.
     */
    String viewFunctionText() {
        Boolean viewOnly = readsOnlyTheView;
        if (viewOnly == null) {
            viewOnly = prototype != null && capturedVariables().isEmpty() && ViewFunction.readsOnlyTheView(sourceText);
            readsOnlyTheView = viewOnly;
        }
        return viewOnly ? sourceText : null;
    }

    private Set<String> capturedVariables() {
        if (prototype == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (Field field : prototype.getClass().getDeclaredFields()) {
            // Groovy's own fields are static; each captured variable is an instance field (a synthetic one).
            if (!Modifier.isStatic(field.getModifiers())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    /** The part bound to {@code view} for one engine's thread. */
    RulePart bindTo(Object view) {
        if (javaBody != null) {
            return new RulePart(javaBody);
        }
        Closure<?> bound = prototype.rehydrate(view, prototype.getOwner(), prototype.getThisObject());
        bound.setResolveStrategy(Closure.DELEGATE_FIRST);
        return new RulePart(bound::call);
    }
}

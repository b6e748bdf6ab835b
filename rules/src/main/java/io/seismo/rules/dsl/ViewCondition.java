package io.seismo.rules.dsl;

import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * A rule's condition bound to the view it reads, for one engine thread: the detector fills the view with a
 * key's figures, then asks whether the condition holds. A switched-off condition never holds, so what it
 * had fired resolves.
 *
 * @param <V> the view the condition's closure delegates to
 */
public final class ViewCondition<V> {
    private final V view;
    private final RulePart condition;

    ViewCondition(RuleClosure closure, V view) {
        this.view = view;
        this.condition = closure.bindTo(view);
    }

    /** The view to fill before {@link #holds()}. */
    public V view() {
        return view;
    }

    /** Whether the condition holds for what the view shows; throws whatever the rule's closure throws. */
    public boolean holds() {
        return !condition.disabled() && DefaultTypeTransformation.castToBoolean(condition.call(view));
    }

    /** The part, for its health. */
    public RulePart part() {
        return condition;
    }
}

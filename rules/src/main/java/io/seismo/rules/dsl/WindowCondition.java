package io.seismo.rules.dsl;

import io.seismo.rules.window.WindowCounts;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;


/** A rule's condition over a window ({@code fireWhen}, {@code unhealthyWhen}), bound for one engine thread. */
public final class WindowCondition {
    private final WindowView view = new WindowView();
    private final RulePart condition;

    WindowCondition(RuleClosure closure) {
        this.condition = closure.bindTo(view);
    }

    /**
     * Whether the condition holds for these counts; throws whatever the rule's closure throws. A switched-off
     * condition never holds, so what it had fired resolves.
     */
    public boolean holds(WindowCounts counts) {
        if (condition.disabled()) {
            return false;
        }
        view.show(counts);
        try {
            return DefaultTypeTransformation.castToBoolean(condition.call(view));
        } finally {
            view.show(null);
        }
    }

    /** The part, for its health. */
    public RulePart part() {
        return condition;
    }
}

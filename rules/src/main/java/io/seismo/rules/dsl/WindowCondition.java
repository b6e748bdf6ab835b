package io.seismo.rules.dsl;

import io.seismo.rules.window.WindowCounts;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

import java.util.function.Function;

/** A rule's condition over a window ({@code fireWhen}, {@code unhealthyWhen}), bound for one engine thread. */
public final class WindowCondition {
    private final WindowView view = new WindowView();
    private final Function<Object, Object> condition;

    WindowCondition(RuleClosure closure) {
        this.condition = closure.bindTo(view);
    }

    /** Whether the condition holds for these counts; throws whatever the rule's closure throws. */
    public boolean holds(WindowCounts counts) {
        view.show(counts);
        try {
            return DefaultTypeTransformation.castToBoolean(condition.apply(view));
        } finally {
            view.show(null);
        }
    }
}

package io.seismo.rules.dsl;

import io.seismo.rules.window.MetricFigures;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/** A metric rule's {@code fireWhen}, bound for one engine thread. A switched-off condition never holds. */
public final class MetricCondition {
    private final MetricWindowView view = new MetricWindowView();
    private final RulePart condition;

    MetricCondition(RuleClosure closure) {
        this.condition = closure.bindTo(view);
    }

    /**
     * Whether the condition holds for these figures; never when it read a figure the window cannot give. Throws
     * whatever the rule's closure throws.
     */
    public boolean holds(MetricFigures figures) {
        if (condition.disabled()) {
            return false;
        }
        view.show(figures);
        try {
            boolean holds = DefaultTypeTransformation.castToBoolean(condition.call(view));
            return holds && !view.readUnavailable();
        } finally {
            view.show(null);
        }
    }
}

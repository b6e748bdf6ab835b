package io.seismo.rules.dsl;

import java.util.List;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * A sequence rule's {@code when { a, b -> … }}, bound for one engine thread. Without one, every A then B
 * pair matches. A switched-off condition matches nothing.
 */
public final class PairCondition {
    private final RulePart condition;

    PairCondition(RuleClosure when) {
        this.condition = when == null ? null : when.bindTo(this);
    }

    /**
     * Whether {@code a} then {@code b} is a match; throws whatever the rule's closure throws. The pair goes
     * in as one list, which Groovy spreads over a closure's two parameters.
     */
    public boolean matches(SeenEvent a, SeenEvent b) {
        if (condition == null) {
            return true;
        }
        return !condition.disabled() && DefaultTypeTransformation.castToBoolean(condition.call(List.of(a, b)));
    }
}

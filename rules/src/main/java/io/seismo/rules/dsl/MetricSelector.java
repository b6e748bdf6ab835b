package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * A metric rule's {@code where} and {@code by}, bound for one engine thread. Without a {@code where} every
 * sample of the rule's metric counts; without a {@code by} the key is the sample's service.
 */
public final class MetricSelector {
    private final MetricView view = new MetricView();
    private final RulePart where;
    private final RulePart by;

    MetricSelector(RuleClosure whereClosure, RuleClosure byClosure) {
        this.where = whereClosure == null ? null : whereClosure.bindTo(view);
        this.by = byClosure == null ? null : byClosure.bindTo(view);
    }

    /**
     * The sample's key, or null when it does not count (filtered out, no key, or a part switched off); throws
     * whatever the rule's closures throw.
     */
    public String keyOf(Event sample) {
        if (where != null && where.disabled() || by != null && by.disabled()) {
            return null;
        }
        view.show(sample);
        try {
            if (where != null && !DefaultTypeTransformation.castToBoolean(where.call(view))) {
                return null;
            }
            if (by == null) {
                return sample.getService();
            }
            Object key = by.call(view);
            return key == null ? null : key.toString();
        } finally {
            view.show(null);
        }
    }
}

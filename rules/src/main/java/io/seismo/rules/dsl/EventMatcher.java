package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;


/** A rule's {@code where}, bound for one engine thread. Without one, every log event matches. */
public final class EventMatcher {
    private final EventView view = new EventView();
    private final RulePart predicate;

    EventMatcher(RuleClosure where) {
        this.predicate = where == null ? null : where.bindTo(view);
    }

    /**
     * Whether the event counts for the rule; throws whatever the rule's closure throws. A switched-off
     * {@code where} lets nothing through.
     */
    public boolean matches(Event event) {
        if (predicate == null) {
            return event.getKind() == EventKind.LOG;
        }
        if (predicate.disabled()) {
            return false;
        }
        view.show(event);
        try {
            return DefaultTypeTransformation.castToBoolean(predicate.call(view));
        } finally {
            view.show(null);
        }
    }

    /** The part, for its health; null without a {@code where}. */
    public RulePart part() {
        return predicate;
    }
}

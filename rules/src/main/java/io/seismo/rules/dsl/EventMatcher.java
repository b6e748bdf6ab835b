package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;


/**
 * A rule's {@code where}, bound for one engine thread: it reads the event through the view that all the engine's
 * rules share. Without one, every log event (or every event of the rule's one kind) matches.
 */
public final class EventMatcher {
    private final EventView view;
    private final RulePart predicate;
    private final EventKind onlyKind;

    EventMatcher(RuleClosure where, EventView view) {
        this(where, null, view);
    }

    /** @param onlyKind when not null, only events of this kind pass, whatever the {@code where} */
    EventMatcher(RuleClosure where, EventKind onlyKind, EventView view) {
        this.view = view;
        this.predicate = where == null ? null : where.bindTo(view);
        this.onlyKind = onlyKind;
    }

    /**
     * Whether the event counts for the rule; throws whatever the rule's closure throws. A switched-off
     * {@code where} lets nothing through.
     */
    public boolean matches(Event event) {
        if (onlyKind != null && event.getKind() != onlyKind) {
            return false;
        }
        if (predicate == null) {
            return onlyKind != null || event.getKind() == EventKind.LOG;
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

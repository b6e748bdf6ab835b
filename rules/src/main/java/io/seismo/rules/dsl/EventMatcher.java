package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

import java.util.function.Function;

/** A rule's {@code where}, bound for one engine thread. Without one, every log event matches. */
public final class EventMatcher {
    private final EventView view = new EventView();
    private final Function<Object, Object> predicate;

    EventMatcher(RuleClosure where) {
        this.predicate = where == null ? null : where.bindTo(view);
    }

    /** Whether the event counts for the rule; throws whatever the rule's closure throws. */
    public boolean matches(Event event) {
        if (predicate == null) {
            return event.getKind() == EventKind.LOG;
        }
        view.show(event);
        try {
            return DefaultTypeTransformation.castToBoolean(predicate.apply(view));
        } finally {
            view.show(null);
        }
    }
}

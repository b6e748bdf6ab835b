package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;

import java.util.function.Function;

/** A rule's {@code by}, bound for one engine thread. Without one, the key is the event's service. */
public final class EventKeyer {
    private final EventView view = new EventView();
    private final Function<Object, Object> keyFunction;

    EventKeyer(RuleClosure by) {
        this.keyFunction = by == null ? null : by.bindTo(view);
    }

    /** The event's key, or null when it has none (such events are not counted). */
    public String keyOf(Event event) {
        if (keyFunction == null) {
            return event.getService();
        }
        view.show(event);
        try {
            Object key = keyFunction.apply(view);
            return key == null ? null : key.toString();
        } finally {
            view.show(null);
        }
    }
}

package io.seismo.rules.dsl;

import io.seismo.rules.event.Event;


/**
 * A rule's {@code by}, bound for one engine thread: it reads the event through the view that all the engine's
 * rules share. Without one, the key is the event's service.
 */
public final class EventKeyer {
    private final EventView view;
    private final RulePart keyFunction;

    EventKeyer(RuleClosure by, EventView view) {
        this.view = view;
        this.keyFunction = by == null ? null : by.bindTo(view);
    }

    /** The event's key, or null when it has none (such events are not counted), as when the part is switched off. */
    public String keyOf(Event event) {
        if (keyFunction == null) {
            return event.getService();
        }
        if (keyFunction.disabled()) {
            return null;
        }
        view.show(event);
        try {
            Object key = keyFunction.call(view);
            return key == null ? null : key.toString();
        } finally {
            view.show(null);
        }
    }

    /** The part, for its health; null without a {@code by}. */
    public RulePart part() {
        return keyFunction;
    }
}

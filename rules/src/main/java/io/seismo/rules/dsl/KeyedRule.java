package io.seismo.rules.dsl;

/** A rule that groups what it sees by a {@code by} key, the event's service when it has none. */
public interface KeyedRule {

    /** The rule's {@code by}; null: grouped by service. */
    RuleClosure by();

    /** Whether keys are service names (then findings carry a {@code service} label rather than {@code key}). */
    default boolean groupsByService() {
        return by() == null;
    }

    /** A fresh key function for one engine's thread. */
    default EventKeyer newKeyer(EventView view) {
        return new EventKeyer(by(), view);
    }
}

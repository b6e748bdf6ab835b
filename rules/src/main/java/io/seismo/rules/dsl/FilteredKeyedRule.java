package io.seismo.rules.dsl;

/** A keyed rule that picks its events with a {@code where} (every log event when it has none). */
public interface FilteredKeyedRule extends KeyedRule {

    /** The rule's {@code where}; null: every log event. */
    RuleClosure where();

    /** A fresh matcher for one engine's thread. */
    default EventMatcher newMatcher(EventView view) {
        return new EventMatcher(where(), view);
    }
}

package io.seismo.rules.detect;

import io.seismo.rules.dsl.EventKeyer;
import io.seismo.rules.dsl.EventMatcher;
import io.seismo.rules.event.Event;

/**
 * A rule's {@code where} and {@code by} together: the key an event counts for, or null. A closure that
 * throws is counted as a rule error and the event is skipped, never propagated.
 */
public final class EventSelector {
    private final EventMatcher matcher;
    private final EventKeyer keyer;
    private long ruleErrors;

    public EventSelector(EventMatcher matcher, EventKeyer keyer) {
        this.matcher = matcher;
        this.keyer = keyer;
    }

    /** The event's key when it matches and has one; null otherwise. */
    public String keyOf(Event event) {
        try {
            return matcher.matches(event) ? keyer.keyOf(event) : null;
        } catch (Exception e) {
            ruleErrors++;
            return null;
        }
    }

    public long ruleErrors() {
        return ruleErrors;
    }

    /** Restores the counter from a snapshot. */
    public void restoreRuleErrors(long saved) {
        ruleErrors = saved;
    }
}

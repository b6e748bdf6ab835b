package io.seismo.rules.detect;

import io.seismo.rules.dsl.EventKeyer;
import io.seismo.rules.event.Event;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

/**
 * A rule's {@code where}, {@code by} and {@code value} together: the key and value an event counts for.
 * A closure that throws is counted as a rule error and the event is skipped.
 */
final class ValueSelector {
    private final EventSelector selector;
    private final EventKeyer valueOf;
    private long valueErrors;
    private String key;
    private String value;

    ValueSelector(EventSelector selector, EventKeyer valueOf) {
        this.selector = selector;
        this.valueOf = valueOf;
    }

    /** Whether the event matches with a key and a value, then readable from {@link #key()} and {@link #value()}. */
    boolean select(Event event) {
        key = selector.keyOf(event);
        if (key == null) {
            return false;
        }
        try {
            value = valueOf.keyOf(event);
        } catch (Exception e) {
            valueErrors++;
            return false;
        }
        return value != null;
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }

    long ruleErrors() {
        return selector.ruleErrors() + valueErrors;
    }

    void writeCounters(StateOutput out) {
        out.writeLong(selector.ruleErrors());
        out.writeLong(valueErrors);
    }

    /** Reads what {@link #writeCounters} wrote; the returned step installs it. */
    StagedRestore readCounters(StateInput in) {
        long savedSelectorErrors = in.readCounter("where and by errors");
        long savedValueErrors = in.readCounter("value errors");
        return () -> {
            selector.restoreRuleErrors(savedSelectorErrors);
            valueErrors = savedValueErrors;
        };
    }
}

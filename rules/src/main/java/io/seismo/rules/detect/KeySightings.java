package io.seismo.rules.detect;

import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * When each key of a rule was seen, for rules that fire on sight or on silence rather than on counts:
 * the matching and keying, the bounded table of keys, keys evicted while firing, and the counters, with
 * their snapshot. An event is too late when {@code relevanceNanos} after it had already passed at the
 * last boundary evaluated: it could no longer change what the rule reports.
 */
final class KeySightings {
    private static final long NOTHING_EVALUATED = Long.MIN_VALUE;

    private final EventSelector selector;
    private final DetectorLimits limits;
    private final long relevanceNanos;
    private final KeyTable<Sightings> keys;
    private final EvictedFiringKeys evictedWhileFiring;
    private long evaluatedUpTo = NOTHING_EVALUATED;
    private long eventsTooLate;

    KeySightings(EventSelector selector, DetectorLimits limits, long relevanceNanos) {
        this.selector = selector;
        this.limits = limits;
        this.relevanceNanos = relevanceNanos;
        this.evictedWhileFiring = new EvictedFiringKeys(limits.maxKeys());
        this.keys = new KeyTable<>(limits.maxKeys(), (key, seen) -> {
            if (seen.firing) {
                evictedWhileFiring.add(key, seen.samples.evidence());
            }
        });
    }

    void onEvent(Event event, long eventNanos) {
        String key = selector.keyOf(event);
        if (key == null) {
            return;
        }
        if (evaluatedUpTo != NOTHING_EVALUATED && eventNanos + relevanceNanos <= evaluatedUpTo) {
            eventsTooLate++;
            return;
        }
        keys.touch(key, created -> Sightings.startingAt(eventNanos)).see(event, eventNanos, limits);
    }

    /**
     * Hands each key evicted while firing to {@code resolveEvicted}, then every key to {@code visit}, which
     * says whether to keep it.
     */
    void evaluate(long boundaryNanos, BiConsumer<String, Evidence> resolveEvicted, BiPredicate<String, Sightings> visit) {
        evictedWhileFiring.drain(resolveEvicted);
        keys.sweep(visit);
        evaluatedUpTo = boundaryNanos;
    }

    boolean isIdle() {
        return keys.isEmpty() && evictedWhileFiring.isEmpty();
    }

    long ruleErrors() {
        return selector.ruleErrors();
    }

    long keysEvicted() {
        return keys.evictions();
    }

    long eventsTooLate() {
        return eventsTooLate;
    }

    void writeState(StateOutput out) {
        out.writeLong(selector.ruleErrors());
        out.writeLong(eventsTooLate);
        out.writeLong(evaluatedUpTo);
        evictedWhileFiring.writeTo(out);
        keys.writeTo(out, (to, seen) -> seen.writeTo(to));
    }

    StagedRestore readState(StateInput in) {
        long savedRuleErrors = in.readCounter("rule errors");
        long savedTooLate = in.readCounter("events too late");
        long savedEvaluatedUpTo = in.readTimeOr(NOTHING_EVALUATED, "last boundary evaluated");
        StagedRestore restoreEvicted = evictedWhileFiring.readState(in);
        StagedRestore restoreKeys = keys.readState(in, Sightings.MIN_SAVED_BYTES, from -> Sightings.readFrom(from, limits));
        return () -> {
            selector.restoreRuleErrors(savedRuleErrors);
            eventsTooLate = savedTooLate;
            evaluatedUpTo = savedEvaluatedUpTo;
            restoreEvicted.apply();
            restoreKeys.apply();
        };
    }
}

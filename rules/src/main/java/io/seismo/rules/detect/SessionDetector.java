package io.seismo.rules.detect;

import io.seismo.rules.dsl.SessionDefinition;
import io.seismo.rules.dsl.WindowCondition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowCounts;
import io.seismo.rules.window.WindowFigures;
import io.seismo.rules.window.WindowSpec;

import java.util.List;
import java.util.Map;

/**
 * A session rule. Per key, matching events at most {@code gap} apart form a session. It ends when the
 * watermark passes its last event plus the gap (checked on the rule's grid), or earlier when the key's next
 * event comes more than a gap after the last; then the condition is asked about the whole session. A session
 * that holds fires the key and keeps it firing until a gap after the session's end (the next session of the
 * key cannot end before that, so each holding session is an episode: fired, then resolved). Keys are bounded by the engine's keys per rule, the one
 * seen longest ago going first (resolved if firing).
 */
public final class SessionDetector implements Detector {
    private final SessionDefinition rule;
    private final EventSelector selector;
    private final WindowCondition condition;
    private final DetectorLimits limits;
    private final String keyLabel;
    private final KeyTable<Session> keys;
    private final EvictedFiringKeys evictedWhileFiring;
    private final WindowCounts scratch = new WindowCounts();
    private long conditionErrors;

    public SessionDetector(SessionDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.selector = new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView()));
        this.condition = rule.newCondition();
        this.limits = limits;
        this.keyLabel = rule.groupsByService() ? "service" : "key";
        this.evictedWhileFiring = new EvictedFiringKeys(limits.maxKeys());
        this.keys = new KeyTable<>(limits.maxKeys(), (key, session) -> {
            if (session.firing) {
                evictedWhileFiring.add(key, session.evidence());
            }
        });
    }

    @Override
    public String ruleName() {
        return rule.name();
    }

    @Override
    public WindowSpec window() {
        return rule.window();
    }

    @Override
    public void onEvent(Event event, long eventNanos) {
        String key = selector.keyOf(event);
        if (key == null) {
            return;
        }
        Session session = keys.touch(key, created -> new Session());
        if (session.isOpen() && eventNanos >= session.lastNanos + rule.gapNanos()) {
            // The open session ended before this event; decide on it now, report it at the next boundary.
            long endNanos = session.lastNanos + rule.gapNanos();
            if (holds(session)) {
                session.endHolding(endNanos);
            } else {
                session.clearOpen();
            }
        }
        session.see(event, eventNanos, limits);
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        evictedWhileFiring.drain((key, evidence) ->
                round.add(finding(key, false, boundaryNanos, boundaryNanos, WindowFigures.NONE, evidence)));
        keys.sweep((key, session) -> {
            if (session.endedHolding && session.endedAtNanos <= boundaryNanos) {
                scratch.set(session.endedEvents, session.endedErrors, session.endedWarnings);
                fire(key, session, session.endedStartNanos, session.endedAtNanos, boundaryNanos,
                        session.endedSamples.evidence(), round);
                session.clearEnded();
            }
            if (session.isOpen() && session.lastNanos + rule.gapNanos() <= boundaryNanos) {
                long endNanos = session.lastNanos + rule.gapNanos();
                if (holds(session)) {
                    fire(key, session, session.startNanos, endNanos, boundaryNanos, session.evidence(), round);
                }
                session.clearOpen();
            }
            if (session.firing && session.firingUntilNanos <= boundaryNanos) {
                session.firing = false;
                round.add(finding(key, false, boundaryNanos, boundaryNanos, WindowFigures.NONE, session.evidence()));
            }
            return !session.isEmpty();
        });
    }

    /**
     * Fires the key for a session from {@code startNanos} that ended at {@code endNanos} and held; the figures
     * are in {@link #scratch}.
     */
    private void fire(String key, Session session, long startNanos, long endNanos, long boundaryNanos, Evidence evidence,
                      List<Finding> round) {
        session.firingUntilNanos = Math.max(session.firingUntilNanos, endNanos + rule.gapNanos());
        if (!session.firing) {
            session.firing = true;
            round.add(finding(key, true, boundaryNanos, startNanos, WindowFigures.of(scratch), evidence));
        }
    }

    /** Whether the condition holds over the open session; leaves its counts in {@link #scratch}. */
    private boolean holds(Session session) {
        session.countsInto(scratch);
        try {
            return condition.holds(scratch);
        } catch (Exception e) {
            conditionErrors++;
            return false;
        }
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        // Sessions end in evaluate; nothing is held per window.
    }

    @Override
    public boolean isIdle() {
        return keys.isEmpty() && evictedWhileFiring.isEmpty();
    }

    @Override
    public long ruleErrors() {
        return selector.ruleErrors() + conditionErrors;
    }

    @Override
    public long keysEvicted() {
        return keys.evictions();
    }

    @Override
    public long eventsTooLate() {
        return 0;
    }

    @Override
    public void writeState(StateOutput out) {
        out.writeLong(selector.ruleErrors());
        out.writeLong(conditionErrors);
        evictedWhileFiring.writeTo(out);
        keys.writeTo(out, (to, session) -> session.writeTo(to));
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedSelectorErrors = in.readCounter("rule errors");
        long savedConditionErrors = in.readCounter("condition errors");
        StagedRestore restoreEvicted = evictedWhileFiring.readState(in);
        StagedRestore restoreKeys = keys.readState(in, Session.MIN_SAVED_BYTES, from -> Session.readFrom(from, limits));
        return () -> {
            selector.restoreRuleErrors(savedSelectorErrors);
            conditionErrors = savedConditionErrors;
            restoreEvicted.apply();
            restoreKeys.apply();
        };
    }

    /** @param startNanos the session's first event; the finding's window runs from there to the boundary */
    private Finding finding(String key, boolean firing, long boundaryNanos, long startNanos, WindowFigures figures,
                            Evidence evidence) {
        Map<String, Double> values = figures.asValues();
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                startNanos, boundaryNanos, FindingLabels.of(rule.name(), keyLabel, key, rule.labels()), values,
                rule.conditionText(), evidence, null);
    }
}

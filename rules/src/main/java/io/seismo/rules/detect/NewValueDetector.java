package io.seismo.rules.detect;

import io.seismo.rules.dsl.NewValueDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.List;

/**
 * A new-value rule: remembers the (key, value) pairs it has seen, at most {@code remember} of them (the
 * pair seen least recently is evicted, counted, and is new again when next seen), each for
 * {@code forgetAfter} after its last sight. A pair not remembered is a notice: it fires at the next
 * boundary and resolves at the one after. Forgetting by age walks pairs in order of arrival and stops at
 * the first fresh one, so a pair refreshed by a late event may be kept a little longer than asked.
 * A late event counts unless {@code forgetAfter} after it had passed at the last boundary evaluated.
 */
public final class NewValueDetector implements Detector {
    private static final long NOTHING_EVALUATED = Long.MIN_VALUE;
    private static final char PAIR_SEPARATOR = '\u0000';

    /** When a pair was last seen. Mutable, confined to the engine's thread. */
    private static final class LastSight {
        long nanos;

        LastSight(long nanos) {
            this.nanos = nanos;
        }
    }

    private final NewValueDefinition rule;
    private final ValueSelector selector;
    private final KeyTable<LastSight> pairs;
    private final NoticeBoard notices;
    private long evaluatedUpTo = NOTHING_EVALUATED;
    private long eventsTooLate;
    private long noticesDropped;

    public NewValueDetector(NewValueDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.selector = new ValueSelector(new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView())), rule.newValueOf(limits.eventView()));
        this.pairs = new KeyTable<>(rule.remember(), (pair, sight) -> { });
        this.notices = new NoticeBoard(new KeyedWindowFiring.About(rule.name(), rule.severity(),
                rule.groupsByService() ? "service" : "key", rule.labels(), rule.conditionText()), limits.maxKeys());
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
        if (!selector.select(event)) {
            return;
        }
        String key = selector.key();
        String value = selector.value();
        if (evaluatedUpTo != NOTHING_EVALUATED && eventNanos + rule.forgetAfterNanos() <= evaluatedUpTo) {
            eventsTooLate++;
            return;
        }
        LastSight sight = pairs.touch(key + PAIR_SEPARATOR + value, pair -> {
            if (!notices.post(new NoticeBoard.Notice(key, value, null, eventNanos, event.getMessage(), event.getTraceId()))) {
                noticesDropped++;
            }
            return new LastSight(eventNanos);
        });
        sight.nanos = Math.max(sight.nanos, eventNanos);
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        notices.evaluate(boundaryNanos, round);
        pairs.dropOldestWhile((pair, sight) -> sight.nanos + rule.forgetAfterNanos() <= boundaryNanos);
        evaluatedUpTo = boundaryNanos;
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        // Pairs are forgotten by age in evaluate; nothing is held per window.
    }

    @Override
    public boolean isIdle() {
        return pairs.isEmpty() && notices.isIdle();
    }

    @Override
    public long ruleErrors() {
        return selector.ruleErrors();
    }

    /** Pairs evicted for new ones, and new values not reported because too many waited at once. */
    @Override
    public long keysEvicted() {
        return pairs.evictions() + noticesDropped;
    }

    @Override
    public long eventsTooLate() {
        return eventsTooLate;
    }

    @Override
    public void writeState(StateOutput out) {
        selector.writeCounters(out);
        out.writeLong(eventsTooLate);
        out.writeLong(noticesDropped);
        out.writeLong(evaluatedUpTo);
        notices.writeTo(out);
        pairs.writeTo(out, (to, sight) -> to.writeLong(sight.nanos));
    }

    @Override
    public StagedRestore readState(StateInput in) {
        StagedRestore restoreSelector = selector.readCounters(in);
        long savedTooLate = in.readCounter("events too late");
        long savedDropped = in.readCounter("notices dropped");
        long savedEvaluatedUpTo = in.readTimeOr(NOTHING_EVALUATED, "last boundary evaluated");
        StagedRestore restoreNotices = notices.readState(in);
        StagedRestore restorePairs = pairs.readState(in, Long.BYTES, from -> new LastSight(from.readTime("last sight")));
        return () -> {
            restoreSelector.apply();
            eventsTooLate = savedTooLate;
            noticesDropped = savedDropped;
            evaluatedUpTo = savedEvaluatedUpTo;
            restoreNotices.apply();
            restorePairs.apply();
        };
    }
}

package io.seismo.rules.detect;

import io.seismo.rules.dsl.EventMatcher;
import io.seismo.rules.dsl.PairCondition;
import io.seismo.rules.dsl.SeenEvent;
import io.seismo.rules.dsl.SequenceDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A sequence rule: keeps, per key, bounded copies of the recent A events and B events (the newest
 * {@link #MAX_PER_SIDE} of each); an arriving event is matched against the other side, so a B that arrives
 * before its A (out of order) still pairs. A pair matches when A is not after B, B is within {@code within}
 * of A, and {@code when} holds; each match is a notice (fires at the next boundary, resolves at the one
 * after), one per key per boundary. Copies are kept while a partner could still arrive: {@code within}
 * plus the allowed lateness behind the last boundary; an event older than that is counted as too late.
 */
public final class SequenceDetector implements Detector {
    static final int MAX_PER_SIDE = 16;
    private static final long NOTHING_EVALUATED = Long.MIN_VALUE;

    /** One key's kept events. Mutable, confined to the engine's thread. */
    private static final class Sides {
        final Deque<SeenEvent> firsts = new ArrayDeque<>();
        final Deque<SeenEvent> thens = new ArrayDeque<>();

        boolean isEmpty() {
            return firsts.isEmpty() && thens.isEmpty();
        }

        void writeTo(StateOutput out) {
            writeSide(out, firsts);
            writeSide(out, thens);
        }

        static Sides readFrom(StateInput in) {
            Sides sides = new Sides();
            readSide(in, sides.firsts);
            readSide(in, sides.thens);
            return sides;
        }

        private static void writeSide(StateOutput out, Deque<SeenEvent> side) {
            out.writeInt(side.size());
            side.forEach(seen -> seen.writeTo(out));
        }

        private static void readSide(StateInput in, Deque<SeenEvent> side) {
            int count = in.readCount("kept events", MAX_PER_SIDE, SeenEvent.MIN_SAVED_BYTES);
            for (int i = 0; i < count; i++) {
                side.addLast(SeenEvent.readFrom(in));
            }
        }
    }

    private final SequenceDefinition rule;
    private final long allowedLatenessNanos;
    private final EventSelector selector;
    private final EventMatcher first;
    private final EventMatcher then;
    private final PairCondition when;
    private final KeyTable<Sides> keys;
    private final NoticeBoard notices;
    private long keepFromNanos = NOTHING_EVALUATED;
    private long partErrors;
    private long eventsTooLate;
    private long noticesDropped;

    public SequenceDetector(SequenceDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.allowedLatenessNanos = limits.allowedLatenessNanos();
        this.selector = new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView()));
        this.first = rule.newFirstMatcher(limits.eventView());
        this.then = rule.newThenMatcher(limits.eventView());
        this.when = rule.newCondition();
        this.keys = new KeyTable<>(limits.maxKeys(), (key, sides) -> { });
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
        String key = selector.keyOf(event);
        if (key == null) {
            return;
        }
        boolean isFirst;
        boolean isThen;
        try {
            isFirst = first.matches(event);
            isThen = then.matches(event);
        } catch (Exception e) {
            partErrors++;
            return;
        }
        if (!isFirst && !isThen) {
            return;
        }
        if (eventNanos < keepFromNanos) {
            eventsTooLate++;
            return;
        }
        SeenEvent seen = SeenEvent.copyOf(event, eventNanos);
        Sides sides = keys.touch(key, created -> new Sides());
        if (isThen) {
            pairWith(key, sides.firsts, seen, false);
            keep(sides.thens, seen);
        }
        if (isFirst) {
            pairWith(key, sides.thens, seen, true);
            keep(sides.firsts, seen);
        }
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        notices.evaluate(boundaryNanos, round);
        keepFromNanos = boundaryNanos - rule.withinNanos() - allowedLatenessNanos;
        keys.sweep((key, sides) -> {
            sides.firsts.removeIf(seen -> seen.getTimeNanos() < keepFromNanos);
            sides.thens.removeIf(seen -> seen.getTimeNanos() < keepFromNanos);
            return !sides.isEmpty();
        });
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        // Kept events are dropped in evaluate, once no partner can arrive for them.
    }

    @Override
    public boolean isIdle() {
        return keys.isEmpty() && notices.isIdle();
    }

    @Override
    public long ruleErrors() {
        return selector.ruleErrors() + partErrors;
    }

    /** Keys evicted for new ones, and matches not reported because too many waited at once. */
    @Override
    public long keysEvicted() {
        return keys.evictions() + noticesDropped;
    }

    @Override
    public long eventsTooLate() {
        return eventsTooLate;
    }

    @Override
    public void writeState(StateOutput out) {
        out.writeLong(selector.ruleErrors());
        out.writeLong(partErrors);
        out.writeLong(eventsTooLate);
        out.writeLong(noticesDropped);
        out.writeLong(keepFromNanos);
        notices.writeTo(out);
        keys.writeTo(out, (to, sides) -> sides.writeTo(to));
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedSelectorErrors = in.readCounter("where and by errors");
        long savedPartErrors = in.readCounter("first, then and when errors");
        long savedTooLate = in.readCounter("events too late");
        long savedDropped = in.readCounter("notices dropped");
        long savedKeepFrom = in.readTimeOr(NOTHING_EVALUATED, "oldest kept event time");
        StagedRestore restoreNotices = notices.readState(in);
        StagedRestore restoreKeys = keys.readState(in, 2 * Integer.BYTES, Sides::readFrom);
        return () -> {
            selector.restoreRuleErrors(savedSelectorErrors);
            partErrors = savedPartErrors;
            eventsTooLate = savedTooLate;
            noticesDropped = savedDropped;
            keepFromNanos = savedKeepFrom;
            restoreNotices.apply();
            restoreKeys.apply();
        };
    }

    /** Looks for a partner of {@code arriving} among {@code others}; reports the first match. */
    private void pairWith(String key, Deque<SeenEvent> others, SeenEvent arriving, boolean arrivingIsFirst) {
        for (SeenEvent other : others) {
            SeenEvent a = arrivingIsFirst ? arriving : other;
            SeenEvent b = arrivingIsFirst ? other : arriving;
            long gap = b.getTimeNanos() - a.getTimeNanos();
            if (gap < 0 || gap > rule.withinNanos()) {
                continue;
            }
            boolean matches;
            try {
                matches = when.matches(a, b);
            } catch (Exception e) {
                partErrors++;
                continue;
            }
            if (matches) {
                if (!notices.post(new NoticeBoard.Notice(key, null, null, b.getTimeNanos(), b.getMessage(), b.getTraceId()))) {
                    noticesDropped++;
                }
                return;
            }
        }
    }

    private static void keep(Deque<SeenEvent> side, SeenEvent seen) {
        if (side.size() == MAX_PER_SIDE) {
            side.removeFirst();
        }
        side.addLast(seen);
    }
}

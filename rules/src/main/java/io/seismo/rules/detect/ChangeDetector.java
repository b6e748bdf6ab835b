package io.seismo.rules.detect;

import io.seismo.rules.dsl.ChangeDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.List;

/**
 * A change rule: remembers each key's newest value; an event newer than it with another value is a notice
 * (fires at the next boundary, resolves at the one after, labels {@code value} and {@code previous}).
 * The first value of a key is not a change. An event older than its key's newest value cannot say what
 * changed when, so it is counted as too late and ignored. Keys are bounded by the engine's keys per rule
 * (least recently seen evicted, counted) and forgotten {@code forgetAfter} after their newest value.
 */
public final class ChangeDetector implements Detector {
    private static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + Long.BYTES;

    /** A key's newest value. Mutable, confined to the engine's thread. */
    private static final class Newest {
        String value;
        long nanos;

        Newest(String value, long nanos) {
            this.value = value;
            this.nanos = nanos;
        }
    }

    private final ChangeDefinition rule;
    private final ValueSelector selector;
    private final KeyTable<Newest> keys;
    private final NoticeBoard notices;
    private long eventsTooLate;
    private long noticesDropped;

    public ChangeDetector(ChangeDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.selector = new ValueSelector(new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView())), rule.newValueOf(limits.eventView()));
        this.keys = new KeyTable<>(limits.maxKeys(), (key, newest) -> { });
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
        String value = selector.value();
        Newest newest = keys.touch(selector.key(), key -> new Newest(value, eventNanos));
        if (eventNanos < newest.nanos) {
            eventsTooLate++;
            return;
        }
        if (!newest.value.equals(value) && !notices.post(new NoticeBoard.Notice(selector.key(), value, newest.value,
                eventNanos, event.getMessage(), event.getTraceId()))) {
            noticesDropped++;
        }
        newest.value = value;
        newest.nanos = eventNanos;
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        notices.evaluate(boundaryNanos, round);
        keys.dropOldestWhile((key, newest) -> newest.nanos + rule.forgetAfterNanos() <= boundaryNanos);
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        // Keys are forgotten by age in evaluate; nothing is held per window.
    }

    @Override
    public boolean isIdle() {
        return keys.isEmpty() && notices.isIdle();
    }

    @Override
    public long ruleErrors() {
        return selector.ruleErrors();
    }

    /** Keys evicted for new ones, and changes not reported because too many waited at once. */
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
        selector.writeCounters(out);
        out.writeLong(eventsTooLate);
        out.writeLong(noticesDropped);
        notices.writeTo(out);
        keys.writeTo(out, (to, newest) -> {
            to.writeString(newest.value);
            to.writeLong(newest.nanos);
        });
    }

    @Override
    public StagedRestore readState(StateInput in) {
        StagedRestore restoreSelector = selector.readCounters(in);
        long savedTooLate = in.readCounter("events too late");
        long savedDropped = in.readCounter("notices dropped");
        StagedRestore restoreNotices = notices.readState(in);
        StagedRestore restoreKeys = keys.readState(in, MIN_SAVED_BYTES,
                from -> new Newest(from.readString("newest value"), from.readTime("newest value time")));
        return () -> {
            restoreSelector.apply();
            eventsTooLate = savedTooLate;
            noticesDropped = savedDropped;
            restoreNotices.apply();
            restoreKeys.apply();
        };
    }
}

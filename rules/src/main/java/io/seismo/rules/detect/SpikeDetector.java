package io.seismo.rules.detect;

import io.seismo.rules.dsl.SpikeDefinition;
import io.seismo.rules.dsl.SpikeView;
import io.seismo.rules.dsl.ViewCondition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowCounts;
import io.seismo.rules.window.WindowSlices;
import io.seismo.rules.window.WindowSpec;
import io.seismo.rules.window.WindowedKey;
import java.util.List;
import java.util.Map;

/**
 * A spike rule: each key's counts are kept over the baseline and the current window together; at each
 * boundary the current window's count is compared with the mean count per window of the baseline before
 * it. A key new to the rule has a baseline of 0 until its history fills, so conditions should ask for a
 * minimum current count as well.
 */
public final class SpikeDetector implements Detector {
    private final SpikeDefinition rule;
    private final EventSelector selector;
    private final ViewCondition<SpikeView> condition;
    private final WindowSlices slices;
    private final KeyedWindowFiring firing;
    // The boundary being evaluated, for the current window's slice of each key's counts.
    private long evaluatingNanos;

    public SpikeDetector(SpikeDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.selector = new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView()));
        this.condition = rule.newCondition();
        this.slices = new WindowSlices(rule.countingWindow());
        this.firing = new KeyedWindowFiring(
                new KeyedWindowFiring.About(rule.name(), rule.severity(), rule.groupsByService() ? "service" : "key",
                        rule.labels(), rule.conditionText()),
                rule.countingWindow(), limits, this::figures);
    }

    @Override
    public String ruleName() {
        return rule.name();
    }

    @Override
    public WindowSpec window() {
        return rule.countingWindow();
    }

    @Override
    public void onEvent(Event event, long eventNanos) {
        String key = selector.keyOf(event);
        if (key != null) {
            firing.add(key, eventNanos, true, event);
        }
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        evaluatingNanos = boundaryNanos;
        firing.evaluate(boundaryNanos, round, (key, both) -> {
            long current = current(key);
            condition.view().show(current, baseline(both.events(), current));
            return condition.holds();
        });
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        firing.retainFrom(nextBoundaryNanos);
    }

    @Override
    public boolean isIdle() {
        return firing.isIdle();
    }

    @Override
    public long ruleErrors() {
        return selector.ruleErrors() + firing.conditionErrors();
    }

    @Override
    public long keysEvicted() {
        return firing.keysEvicted();
    }

    @Override
    public long eventsTooLate() {
        return firing.eventsTooLate();
    }

    @Override
    public void writeState(StateOutput out) {
        out.writeLong(selector.ruleErrors());
        firing.writeState(out);
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedSelectorErrors = in.readCounter("where and by errors");
        StagedRestore restoreFiring = firing.readState(in);
        return () -> {
            selector.restoreRuleErrors(savedSelectorErrors);
            restoreFiring.apply();
        };
    }

    /** The count of the current window, the last part of the span the key's counts cover. */
    private long current(WindowedKey key) {
        return slices.between(key, evaluatingNanos - rule.window().sizeNanos(), evaluatingNanos).events();
    }

    private double baseline(long spanCount, long current) {
        return (double) (spanCount - current) / rule.baselineWindows();
    }

    private Map<String, Double> figures(WindowedKey key, WindowCounts both) {
        long current = current(key);
        return Map.of("current", (double) current, "baseline", baseline(both.events(), current));
    }
}

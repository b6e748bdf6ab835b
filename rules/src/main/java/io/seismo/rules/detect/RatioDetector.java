package io.seismo.rules.detect;

import io.seismo.rules.dsl.EventMatcher;
import io.seismo.rules.dsl.RatioDefinition;
import io.seismo.rules.dsl.RatioView;
import io.seismo.rules.dsl.ViewCondition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowCounts;
import io.seismo.rules.window.WindowSpec;
import io.seismo.rules.window.WindowedKey;
import java.util.List;
import java.util.Map;

/**
 * A ratio rule: each event of the denominator is counted for its key, marked when it also matches the
 * numerator, so the window's marked count is the numerator and its event count the total.
 */
public final class RatioDetector implements Detector {
    private final RatioDefinition rule;
    private final EventSelector denominator;
    private final EventMatcher numerator;
    private final ViewCondition<RatioView> condition;
    private final KeyedWindowFiring firing;
    private long numeratorErrors;

    public RatioDetector(RatioDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.denominator = new EventSelector(rule.newDenominatorMatcher(limits.eventView()), rule.newKeyer(limits.eventView()));
        this.numerator = rule.newNumeratorMatcher(limits.eventView());
        this.condition = rule.newCondition();
        this.firing = new KeyedWindowFiring(
                new KeyedWindowFiring.About(rule.name(), rule.severity(), rule.groupsByService() ? "service" : "key",
                        rule.labels(), rule.conditionText()),
                rule.window(), limits, RatioDetector::figures);
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
        String key = denominator.keyOf(event);
        if (key == null) {
            return;
        }
        boolean inNumerator;
        try {
            inNumerator = numerator.matches(event);
        } catch (Exception e) {
            numeratorErrors++;
            return;
        }
        firing.add(key, eventNanos, inNumerator, event);
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        firing.evaluate(boundaryNanos, round, (key, window) -> {
            condition.view().show(window.errors(), window.events());
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
        return denominator.ruleErrors() + numeratorErrors + firing.conditionErrors();
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
        out.writeLong(denominator.ruleErrors());
        out.writeLong(numeratorErrors);
        firing.writeState(out);
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedSelectorErrors = in.readCounter("denominator errors");
        long savedNumeratorErrors = in.readCounter("numerator errors");
        StagedRestore restoreFiring = firing.readState(in);
        return () -> {
            denominator.restoreRuleErrors(savedSelectorErrors);
            numeratorErrors = savedNumeratorErrors;
            restoreFiring.apply();
        };
    }

    private static Map<String, Double> figures(WindowedKey key, WindowCounts window) {
        return Map.of("numerator", (double) window.errors(), "total", (double) window.events(),
                "ratio", window.errorRatio());
    }
}

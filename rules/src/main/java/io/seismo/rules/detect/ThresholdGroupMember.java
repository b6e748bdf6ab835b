package io.seismo.rules.detect;

import io.seismo.rules.dsl.ThresholdDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.List;

/**
 * A threshold rule whose windows the detector of an earlier rule keeps for both ({@link ThresholdDetector}
 * sharing them): the engine still schedules it, shows it its events and asks for its errors by its own name,
 * but counting, evaluating, its findings and its saved state are that detector's, which the engine runs first.
 */
final class ThresholdGroupMember implements Detector {
    private final ThresholdDetector sharing;
    private final ThresholdDefinition rule;
    private final int index;

    ThresholdGroupMember(ThresholdDetector sharing, ThresholdDefinition rule, int index) {
        this.sharing = sharing;
        this.rule = rule;
        this.index = index;
    }

    @Override
    public String ruleName() {
        return rule.name();
    }

    @Override
    public WindowSpec window() {
        return rule.window();
    }

    /** The sharing detector counted it. */
    @Override
    public void onEvent(Event event, long eventNanos) {
    }

    /** The sharing detector evaluated this rule's condition for each key, at the same boundary, just before. */
    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
    }

    @Override
    public boolean isIdle() {
        return sharing.isIdle();
    }

    @Override
    public long ruleErrors() {
        return sharing.ruleErrors(index);
    }

    @Override
    public long keysEvicted() {
        return sharing.keysEvicted();
    }

    @Override
    public long eventsTooLate() {
        return sharing.eventsTooLate();
    }

    /** Saved with the sharing detector's. */
    @Override
    public void writeState(StateOutput out) {
    }

    @Override
    public StagedRestore readState(StateInput in) {
        return () -> {
        };
    }
}

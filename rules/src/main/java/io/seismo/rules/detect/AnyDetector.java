package io.seismo.rules.detect;

import io.seismo.rules.dsl.AnyDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowSpec;
import java.util.List;
import java.util.Map;

/**
 * An {@code any} rule: a key fires at the first boundary after its first matching event and resolves at
 * the first boundary at least {@code quiet} after its last one; then it is forgotten, and the next match
 * fires again. A late event still counts unless its quiet period had already ended at the last boundary
 * evaluated: it could only fire and resolve at once, so it is counted as too late instead.
 */
public final class AnyDetector implements Detector {
    private final AnyDefinition rule;
    private final KeySightings sightings;
    private final String keyLabel;

    public AnyDetector(AnyDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.sightings = new KeySightings(new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView())), limits, rule.quietNanos());
        this.keyLabel = rule.groupsByService() ? "service" : "key";
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
        sightings.onEvent(event, eventNanos);
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        sightings.evaluate(boundaryNanos,
                (key, evidence) -> round.add(finding(key, false, boundaryNanos, boundaryNanos, 0, evidence)),
                (key, seen) -> {
                    if (!seen.firing && seen.firstNanos < boundaryNanos) {
                        seen.firing = true;
                        round.add(finding(key, true, boundaryNanos, seen.firstNanos, seen.matches, seen.samples.evidence()));
                    }
                    if (seen.firing && seen.lastNanos + rule.quietNanos() <= boundaryNanos) {
                        round.add(finding(key, false, boundaryNanos, seen.firstNanos, seen.matches, seen.samples.evidence()));
                        return false;
                    }
                    return true;
                });
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        // Keys are dropped when they resolve; nothing else is held per window.
    }

    @Override
    public boolean isIdle() {
        return sightings.isIdle();
    }

    @Override
    public long ruleErrors() {
        return sightings.ruleErrors();
    }

    @Override
    public long keysEvicted() {
        return sightings.keysEvicted();
    }

    @Override
    public long eventsTooLate() {
        return sightings.eventsTooLate();
    }

    @Override
    public void writeState(StateOutput out) {
        sightings.writeState(out);
    }

    @Override
    public StagedRestore readState(StateInput in) {
        return sightings.readState(in);
    }

    private Finding finding(String key, boolean firing, long boundaryNanos, long fromNanos, long matches, Evidence evidence) {
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                fromNanos, boundaryNanos, FindingLabels.of(rule.name(), keyLabel, key, rule.labels()),
                Map.of("count", (double) matches), rule.conditionText(), evidence, null);
    }
}

package io.seismo.rules.detect;

import io.seismo.rules.dsl.AbsenceDefinition;
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
 * An absence rule: a key is remembered from its first matching event; it fires at the first boundary at
 * least {@code expectWithin} after its last one and resolves at the first boundary after it is seen again.
 * Keys are bounded twice: at most the engine's keys per rule (the one silent longest is evicted, resolved if
 * firing), and a key silent for {@code forgetAfter} is forgotten, resolved if firing. When all input stops,
 * the watermark still moves on idle ticks, so a silent key fires without any event to drive it.
 */
public final class AbsenceDetector implements Detector {
    private static final double NANOS_PER_SECOND = 1e9;

    private final AbsenceDefinition rule;
    private final KeySightings sightings;
    private final String keyLabel;

    public AbsenceDetector(AbsenceDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.sightings = new KeySightings(new EventSelector(rule.newMatcher(limits.eventView()), rule.newKeyer(limits.eventView())), limits,
                rule.forgetAfterNanos());
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
                (key, evidence) -> round.add(finding(key, false, boundaryNanos, boundaryNanos, evidence)),
                (key, seen) -> {
                    if (seen.lastNanos + rule.forgetAfterNanos() <= boundaryNanos) {
                        if (seen.firing) {
                            round.add(finding(key, false, boundaryNanos, seen.lastNanos, seen.samples.evidence()));
                        }
                        return false;
                    }
                    boolean silent = seen.lastNanos + rule.expectWithinNanos() <= boundaryNanos;
                    if (silent != seen.firing) {
                        seen.firing = silent;
                        round.add(finding(key, silent, boundaryNanos, seen.lastNanos, seen.samples.evidence()));
                    }
                    return true;
                });
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        // Keys are forgotten in evaluate, after forgetAfter; nothing is held per window.
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

    private Finding finding(String key, boolean firing, long boundaryNanos, long lastSeenNanos, Evidence evidence) {
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                lastSeenNanos, boundaryNanos, FindingLabels.of(rule.name(), keyLabel, key, rule.labels()),
                Map.of("silentSeconds", (boundaryNanos - lastSeenNanos) / NANOS_PER_SECOND), rule.conditionText(),
                evidence, null);
    }
}

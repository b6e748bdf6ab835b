package io.seismo.rules.engine;

import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.RandomTraffic.Step;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds {@link Step}s to one engine through a reused holder (like a ring slot) and remembers at which step
 * each finding and each closed trace came out, so that two runs can be compared from any cut on.
 */
final class Replay implements EngineListener {
    record Tagged<T>(int step, T value) {
    }

    private final CorrelationEngine engine;
    private final Event holder = new Event();
    private final List<Tagged<Finding>> findings = new ArrayList<>();
    private final List<Tagged<TraceSummary>> traces = new ArrayList<>();
    private final List<Integer> roundSteps = new ArrayList<>();
    private int step;

    Replay(RuleSet rules, EngineOptions options) {
        this(rules, options, EvaluationPacing.AT_ONCE);
    }

    Replay(RuleSet rules, EngineOptions options, EvaluationPacing pacing) {
        this.engine = new CorrelationEngine(rules, options, this, pacing);
    }

    CorrelationEngine engine() {
        return engine;
    }

    /** Feeds {@code steps[from, to)}. */
    Replay feed(List<Step> steps, int from, int to) {
        for (step = from; step < to; step++) {
            Step next = steps.get(step);
            if (next.isEvent()) {
                next.event().writeTo(holder);
                engine.onEvent(holder);
                holder.reset();
            } else {
                engine.onTick(next.tickNanos());
            }
        }
        return this;
    }

    @Override
    public void onFindings(List<Finding> round) {
        roundSteps.add(step);
        round.forEach(finding -> findings.add(new Tagged<>(step, finding)));
    }

    @Override
    public void onTraceClosed(TraceSummary trace) {
        traces.add(new Tagged<>(step, trace));
    }

    /** The findings that came out at step {@code from} or later, in order. */
    List<Finding> findingsFrom(int from) {
        return findings.stream().filter(tagged -> tagged.step() >= from).map(Tagged::value).toList();
    }

    List<TraceSummary> tracesFrom(int from) {
        return traces.stream().filter(tagged -> tagged.step() >= from).map(Tagged::value).toList();
    }

    /** Steps at which at least one round of findings came out (a window boundary passed). */
    List<Integer> roundSteps() {
        return List.copyOf(roundSteps);
    }
}

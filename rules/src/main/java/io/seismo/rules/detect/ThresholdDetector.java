package io.seismo.rules.detect;

import io.seismo.rules.dsl.EventKeyer;
import io.seismo.rules.dsl.EventMatcher;
import io.seismo.rules.dsl.ThresholdDefinition;
import io.seismo.rules.dsl.TracesDefinition;
import io.seismo.rules.dsl.WindowCondition;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.KeyedWindows;
import io.seismo.rules.window.Transition;
import io.seismo.rules.window.WindowCounts;
import io.seismo.rules.window.WindowFigures;
import io.seismo.rules.window.WindowSpec;
import io.seismo.rules.window.WindowedKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A threshold rule: per key, evaluates {@code fireWhen} over the key's window at each boundary and reports
 * a firing finding when it starts to hold and a resolved one when it stops; nothing while it keeps holding.
 * A key evicted while firing is reported resolved at the next boundary, so no alert is left hanging.
 */
public final class ThresholdDetector implements Detector {
    private final ThresholdDefinition rule;
    private final EventMatcher matcher;
    private final EventKeyer keyer;
    private final WindowCondition condition;
    private final KeyedWindows windows;
    private final String keyLabel;
    private final int evidenceMessages;
    private final int evidenceTraceIds;
    private final int maxKeys;
    private final List<EvictedKey> evictedWhileFiring = new ArrayList<>();
    private final KeyedWindows.KeyEvaluator evaluateKey = this::evaluateKey;
    /** The boundary being evaluated, and where its findings go: the caller's round, or {@link #laterFindings}. */
    private long evaluatingBoundaryNanos;
    private List<Finding> findingsOut;
    /** Findings of keys that events made the evaluation in progress reach early, until it goes on. */
    private final List<Finding> laterFindings = new ArrayList<>();
    private long ruleErrors;

    /** A key that was firing when evicted; reported resolved at the next boundary. */
    private record EvictedKey(String key, Evidence evidence) {
        static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 2 * Integer.BYTES;

        void writeTo(StateOutput out) {
            out.writeString(key);
            out.writeStrings(evidence.sampleMessages());
            out.writeStrings(evidence.traceIds());
        }

        static EvictedKey readFrom(StateInput in) {
            return new EvictedKey(in.readString("evicted key"),
                    new Evidence(in.readStrings("sample messages"), in.readStrings("sample trace ids")));
        }
    }

    public ThresholdDetector(ThresholdDefinition rule, DetectorLimits limits) {
        this(rule, limits, rule.newMatcher(limits.eventView()));
    }

    /** A threshold over trace summaries: the {@code traces} rule kind. */
    public ThresholdDetector(TracesDefinition rule, DetectorLimits limits) {
        this(rule.threshold(), limits, rule.threshold().newMatcher(EventKind.TRACE_SUMMARY, limits.eventView()));
    }

    private ThresholdDetector(ThresholdDefinition rule, DetectorLimits limits, EventMatcher matcher) {
        this.rule = rule;
        this.matcher = matcher;
        this.keyer = rule.newKeyer(limits.eventView());
        this.condition = rule.newCondition();
        this.keyLabel = rule.groupsByService() ? "service" : "key";
        this.evidenceMessages = limits.evidenceMessages();
        this.evidenceTraceIds = limits.evidenceTraceIds();
        this.maxKeys = limits.maxKeys();
        this.windows = new KeyedWindows(rule.window(), limits.allowedLatenessNanos(), limits.maxKeys(),
                Math.max(evidenceMessages, evidenceTraceIds), limits.evidenceSample(), this::onEvicted);
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
        String key;
        try {
            if (!matcher.matches(event)) {
                return;
            }
            key = keyer.keyOf(event);
        } catch (Exception e) {
            ruleErrors++;
            return;
        }
        if (key != null) {
            windows.add(key, eventNanos, event.getLevel(), event);
        }
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        beginEvaluation(boundaryNanos, Integer.MAX_VALUE, round);
    }

    @Override
    public boolean beginEvaluation(long boundaryNanos, int maxKeys, List<Finding> round) {
        evaluateMore(Integer.MAX_VALUE, round); // the previous boundary's first
        for (EvictedKey evicted : evictedWhileFiring) {
            round.add(finding(evicted.key(), false, boundaryNanos, WindowFigures.NONE, evicted.evidence()));
        }
        evictedWhileFiring.clear();
        evaluatingBoundaryNanos = boundaryNanos;
        findingsOut = round;
        boolean complete = windows.beginEvaluation(boundaryNanos, boundaryNanos + rule.window().slideNanos(), maxKeys,
                evaluateKey);
        findingsOut = laterFindings;
        return complete;
    }

    @Override
    public boolean evaluateMore(int maxKeys, List<Finding> round) {
        round.addAll(laterFindings);
        laterFindings.clear();
        findingsOut = round;
        boolean complete = windows.evaluateMore(maxKeys);
        findingsOut = laterFindings;
        return complete;
    }

    private void evaluateKey(WindowedKey key, WindowCounts counts) {
        boolean holds;
        try {
            holds = condition.holds(counts);
        } catch (Exception e) {
            ruleErrors++;
            return;
        }
        Transition transition = windows.update(key, holds, evaluatingBoundaryNanos);
        if (transition != Transition.UNCHANGED) {
            findingsOut.add(finding(key.key(), transition == Transition.STARTED, evaluatingBoundaryNanos,
                    WindowFigures.of(counts), key.evidence(evidenceMessages, evidenceTraceIds)));
        }
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        windows.retainFrom(nextBoundaryNanos);
    }

    @Override
    public boolean isIdle() {
        return windows.isEmpty() && evictedWhileFiring.isEmpty() && laterFindings.isEmpty();
    }

    @Override
    public long ruleErrors() {
        return ruleErrors;
    }

    @Override
    public long keysEvicted() {
        return windows.evictions();
    }

    @Override
    public long eventsTooLate() {
        return windows.droppedEvents();
    }

    @Override
    public void writeState(StateOutput out) {
        out.writeLong(ruleErrors);
        out.writeInt(evictedWhileFiring.size());
        for (EvictedKey evicted : evictedWhileFiring) {
            evicted.writeTo(out);
        }
        windows.writeTo(out);
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedRuleErrors = in.readCounter("rule errors");
        // Each key is evicted at most once between two boundaries, so there are never more than maxKeys.
        int count = in.readCount("keys evicted while firing", maxKeys, EvictedKey.MIN_SAVED_BYTES);
        List<EvictedKey> evicted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            evicted.add(EvictedKey.readFrom(in));
        }
        StagedRestore restoreWindows = windows.readState(in);
        return () -> {
            ruleErrors = savedRuleErrors;
            evictedWhileFiring.clear();
            evictedWhileFiring.addAll(evicted);
            restoreWindows.apply();
        };
    }

    private void onEvicted(WindowedKey key) {
        if (key.holds()) {
            evictedWhileFiring.add(new EvictedKey(key.key(), key.evidence(evidenceMessages, evidenceTraceIds)));
        }
    }

    private Finding finding(String key, boolean firing, long boundaryNanos, WindowFigures figures, Evidence evidence) {
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                boundaryNanos - rule.window().sizeNanos(), boundaryNanos,
                FindingLabels.of(rule.name(), keyLabel, key, rule.labels()), figures.asValues(),
                rule.conditionText(), evidence, null);
    }
}

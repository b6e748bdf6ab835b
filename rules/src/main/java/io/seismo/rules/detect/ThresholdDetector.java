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
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.KeyedWindows;
import io.seismo.rules.window.SavedRules;
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
 *
 * <p>Rules that count the same events by the same key over the same window (a warning and a critical
 * threshold on one {@code where}, say; {@link ThresholdDefinition#windowSharingKey()}) share one detector:
 * its windows are kept and looked up once per event for all of them, and each key records which of their
 * conditions hold. The first rule is this detector; the others are {@link #rule(int)}, which show the engine
 * each rule's name, errors and schedule, while this detector does the work and reports every rule's findings.
 */
public final class ThresholdDetector implements Detector {
    private final List<ThresholdDefinition> rules;
    /** What identifies each rule's definition in a snapshot of shared windows; empty for one rule. */
    private final List<String> ruleIds;
    private final EventMatcher matcher;
    private final EventKeyer keyer;
    private final WindowCondition[] conditions;
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
    /** Per rule: its closures' evaluations that threw (a shared where or by counts for each rule). */
    private final long[] ruleErrors;

    /** A key that was firing for rule {@code rule} when evicted; reported resolved at the next boundary. */
    private record EvictedKey(int rule, String key, Evidence evidence) {
        static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 2 * Integer.BYTES;

        void writeTo(StateOutput out, boolean shared) {
            if (shared) {
                out.writeInt(rule);
            }
            out.writeString(key);
            out.writeStrings(evidence.sampleMessages());
            out.writeStrings(evidence.traceIds());
        }

        static EvictedKey readFrom(StateInput in, int rule) {
            return new EvictedKey(rule, in.readString("evicted key"),
                    new Evidence(in.readStrings("sample messages"), in.readStrings("sample trace ids")));
        }
    }

    public ThresholdDetector(ThresholdDefinition rule, DetectorLimits limits) {
        this(List.of(rule), List.of(), limits, rule.newMatcher(limits.eventView()));
    }

    /** A threshold over trace summaries: the {@code traces} rule kind. */
    public ThresholdDetector(TracesDefinition rule, DetectorLimits limits) {
        this(List.of(rule.threshold()), List.of(),
                limits, rule.threshold().newMatcher(EventKind.TRACE_SUMMARY, limits.eventView()));
    }

    private ThresholdDetector(List<ThresholdDefinition> rules, List<String> ruleIds, DetectorLimits limits,
                              EventMatcher matcher) {
        ThresholdDefinition first = rules.get(0);
        this.rules = List.copyOf(rules);
        this.ruleIds = List.copyOf(ruleIds);
        this.matcher = matcher;
        this.keyer = first.newKeyer(limits.eventView());
        this.conditions = rules.stream().map(ThresholdDefinition::newCondition).toArray(WindowCondition[]::new);
        this.ruleErrors = new long[rules.size()];
        this.keyLabel = first.groupsByService() ? "service" : "key";
        this.evidenceMessages = limits.evidenceMessages();
        this.evidenceTraceIds = limits.evidenceTraceIds();
        this.maxKeys = limits.maxKeys();
        this.windows = new KeyedWindows(first.window(), limits.allowedLatenessNanos(), limits.maxKeys(),
                Math.max(evidenceMessages, evidenceTraceIds), limits.evidenceSample(), rules.size(), this::onEvicted);
    }

    /**
     * One detector for rules with the same {@link ThresholdDefinition#windowSharingKey()} (1 to 64 of them), in
     * rule order; {@code ruleIds} tell their definitions apart in a snapshot, so that a restore keeps the
     * conditions of the rules that did not change, and windows saved by other rules counting the same can be
     * taken over ({@link #adoptFromOne}, {@link #adoptShared}).
     */
    public static ThresholdDetector sharedBy(List<ThresholdDefinition> rules, List<String> ruleIds,
                                             DetectorLimits limits) {
        if (rules.isEmpty() || rules.size() > Long.SIZE || ruleIds.size() != rules.size()) {
            throw new IllegalArgumentException("1 to " + Long.SIZE + " rules with an id each share a detector, got "
                    + rules.size() + " rules and " + ruleIds.size() + " ids");
        }
        String sharing = rules.get(0).windowSharingKey();
        for (ThresholdDefinition rule : rules) {
            if (sharing == null || !sharing.equals(rule.windowSharingKey())) {
                throw new IllegalArgumentException("rule '" + rule.name() + "' does not count what rule '"
                        + rules.get(0).name() + "' counts");
            }
        }
        return new ThresholdDetector(rules, ruleIds, limits, rules.get(0).newMatcher(limits.eventView()));
    }

    /** Rule {@code index} of those sharing this detector, as the engine runs it: 0 is this detector. */
    public Detector rule(int index) {
        return index == 0 ? this : new ThresholdGroupMember(this, rules.get(index), index);
    }

    @Override
    public String ruleName() {
        return rules.get(0).name();
    }

    @Override
    public WindowSpec window() {
        return rules.get(0).window();
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
            for (int rule = 0; rule < ruleErrors.length; rule++) {
                ruleErrors[rule]++;
            }
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
            round.add(finding(evicted.rule(), evicted.key(), false, boundaryNanos, WindowFigures.NONE, evicted.evidence()));
        }
        evictedWhileFiring.clear();
        evaluatingBoundaryNanos = boundaryNanos;
        findingsOut = round;
        boolean complete = windows.beginEvaluation(boundaryNanos, boundaryNanos + window().slideNanos(), maxKeys,
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
        for (int rule = 0; rule < conditions.length; rule++) {
            boolean holds;
            try {
                holds = conditions[rule].holds(counts);
            } catch (Exception e) {
                ruleErrors[rule]++;
                continue;
            }
            Transition transition = windows.update(key, rule, holds, evaluatingBoundaryNanos);
            if (transition != Transition.UNCHANGED) {
                findingsOut.add(finding(rule, key.key(), transition == Transition.STARTED, evaluatingBoundaryNanos,
                        WindowFigures.of(counts), key.evidence(evidenceMessages, evidenceTraceIds)));
            }
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
        return ruleErrors[0];
    }

    /** Evaluations of rule {@code rule}'s closures that threw. */
    long ruleErrors(int rule) {
        return ruleErrors[rule];
    }

    @Override
    public long keysEvicted() {
        return windows.evictions();
    }

    @Override
    public long eventsTooLate() {
        return windows.droppedEvents();
    }

    /**
     * One rule: its errors, the keys evicted while firing, its windows. Shared: the rules' ids and errors first,
     * and each evicted key and each key's conditions with the rule's index.
     */
    @Override
    public void writeState(StateOutput out) {
        boolean shared = isShared();
        if (shared) {
            out.writeInt(rules.size());
            for (int rule = 0; rule < rules.size(); rule++) {
                out.writeString(ruleIds.get(rule));
                out.writeLong(ruleErrors[rule]);
            }
        } else {
            out.writeLong(ruleErrors[0]);
        }
        out.writeInt(evictedWhileFiring.size());
        for (EvictedKey evicted : evictedWhileFiring) {
            evicted.writeTo(out, shared);
        }
        windows.writeTo(out);
    }

    /** Reads what {@link #writeState} wrote, for the same rules (see {@link #adoptShared} for shared windows). */
    @Override
    public StagedRestore readState(StateInput in) {
        return isShared() ? adoptShared(in) : adoptFromOne(in, 0);
    }

    /**
     * The ids of the rules whose shared windows {@code in} holds, read ahead of it; {@code in} is where
     * {@link #writeState} of more than one rule began.
     */
    public static List<String> savedRuleIds(StateInput in) {
        StateInput ahead = in.lookAhead();
        int saved = ahead.readCount("rules sharing the windows", Long.SIZE, StateInput.MIN_STRING_BYTES + Long.BYTES);
        List<String> ids = new ArrayList<>(saved);
        for (int i = 0; i < saved; i++) {
            ids.add(ahead.readString("rule id"));
            ahead.readCounter("rule errors");
        }
        return ids;
    }

    /** The ids of the rules this detector runs, in order; empty when the engine gave none. */
    public List<String> ruleIds() {
        return ruleIds;
    }

    /**
     * Reads windows that one rule saved alone ({@link #writeState} of a rule not sharing), as the windows of
     * these rules: that rule is rule {@code savedRule} of them now and keeps its conditions and errors; the
     * others start with none holding. What lets a rule keep its windows when another rule starts sharing them.
     */
    public StagedRestore adoptFromOne(StateInput in, int savedRule) {
        if (savedRule < 0 || savedRule >= rules.size()) {
            throw new IllegalArgumentException("no rule " + savedRule + " of " + rules.size() + " runs here");
        }
        long[] savedRuleErrors = new long[rules.size()];
        savedRuleErrors[savedRule] = in.readCounter("rule errors");
        return readRest(in, new int[] {savedRule}, false, savedRuleErrors);
    }

    /**
     * Reads windows that rules sharing them saved ({@link #writeState} of more than one rule), as the windows of
     * these rules: each saved rule with the id of one here keeps its conditions and errors, the others here start
     * with none holding, and the saved rules not here are dropped (a reload changed, removed or added some).
     */
    public StagedRestore adoptShared(StateInput in) {
        long[] savedRuleErrors = new long[rules.size()];
        int saved = in.readCount("rules sharing the windows", Long.SIZE, StateInput.MIN_STRING_BYTES + Long.BYTES);
        int[] now = new int[saved];
        for (int i = 0; i < saved; i++) {
            String id = in.readString("rule id");
            long errors = in.readCounter("rule errors");
            now[i] = ruleIds.indexOf(id);
            for (int earlier = 0; earlier < i; earlier++) {
                if (now[i] >= 0 && now[earlier] == now[i]) {
                    throw new CorruptStateException("rule '" + id + "' is saved twice in shared windows");
                }
            }
            if (now[i] >= 0) {
                savedRuleErrors[now[i]] = errors;
            }
        }
        return readRest(in, now, true, savedRuleErrors);
    }

    /** The evicted keys and the windows, each saved rule's bits moved to {@code now}. */
    private StagedRestore readRest(StateInput in, int[] now, boolean savedShared, long[] savedRuleErrors) {
        // Each key is evicted at most once between two boundaries, so there are never more than maxKeys a rule.
        int count = in.readCount("keys evicted while firing", maxKeys * now.length, EvictedKey.MIN_SAVED_BYTES);
        List<EvictedKey> evicted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int savedRule = savedShared ? in.readInt("rule of an evicted key") : 0;
            if (savedRule < 0 || savedRule >= now.length) {
                throw new CorruptStateException("an evicted key is of rule " + savedRule + " of " + now.length);
            }
            EvictedKey key = EvictedKey.readFrom(in, now[savedRule]);
            if (key.rule() >= 0) {
                evicted.add(key);
            }
        }
        StagedRestore restoreWindows = windows.readState(in, SavedRules.of(now));
        return () -> {
            System.arraycopy(savedRuleErrors, 0, ruleErrors, 0, ruleErrors.length);
            evictedWhileFiring.clear();
            evictedWhileFiring.addAll(evicted);
            restoreWindows.apply();
        };
    }

    private boolean isShared() {
        return rules.size() > 1;
    }

    private void onEvicted(WindowedKey key) {
        for (int rule = 0; rule < rules.size(); rule++) {
            if (key.holds(rule)) {
                evictedWhileFiring.add(new EvictedKey(rule, key.key(), key.evidence(evidenceMessages, evidenceTraceIds)));
            }
        }
    }

    private Finding finding(int index, String key, boolean firing, long boundaryNanos, WindowFigures figures,
                            Evidence evidence) {
        ThresholdDefinition rule = rules.get(index);
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                boundaryNanos - rule.window().sizeNanos(), boundaryNanos,
                FindingLabels.of(rule.name(), keyLabel, key, rule.labels()), figures.asValues(),
                rule.conditionText(), evidence, null);
    }
}

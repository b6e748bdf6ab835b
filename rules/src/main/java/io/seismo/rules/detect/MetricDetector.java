package io.seismo.rules.detect;

import io.seismo.rules.dsl.MetricCondition;
import io.seismo.rules.dsl.MetricDefinition;
import io.seismo.rules.dsl.MetricSelector;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.MetricSample;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.MetricAnomaly;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.MetricFigures;
import io.seismo.rules.window.MetricKey;
import io.seismo.rules.window.MetricWindows;
import io.seismo.rules.window.Transition;
import io.seismo.rules.window.WindowSpec;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric rule: per key, evaluates {@code fireWhen} over aggregates of the key's samples of one metric at each
 * boundary, and reports a firing finding when it starts to hold and a resolved one when it stops. Samples named
 * {@code <metric>_bucket} with an {@code le} label feed {@code quantile(q)}; samples named {@code <metric>} feed
 * the other aggregates. A key evicted while firing is reported resolved at the next boundary.
 */
public final class MetricDetector implements Detector {
    private static final String BUCKET_SUFFIX = "_bucket";

    private final MetricDefinition rule;
    private final String bucketName;
    private final MetricSelector selector;
    private final MetricCondition condition;
    private final MetricWindows windows;
    private final String keyLabel;
    private final int evidenceMessages;
    private final int maxKeys;
    private final List<String> evictedWhileFiring = new ArrayList<>();
    private long ruleErrors;

    public MetricDetector(MetricDefinition rule, DetectorLimits limits) {
        this.rule = rule;
        this.bucketName = rule.metric() + BUCKET_SUFFIX;
        this.selector = rule.newSelector();
        this.condition = rule.newCondition();
        this.keyLabel = rule.groupsByService() ? "service" : "key";
        this.evidenceMessages = limits.evidenceMessages();
        this.maxKeys = limits.maxKeys();
        this.windows = new MetricWindows(rule.window(), limits.maxKeys(), this::onEvicted);
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
        if (event.getKind() != EventKind.METRIC || event.getMessage() == null) {
            return;
        }
        boolean bucket = bucketName.equals(event.getMessage());
        if (!bucket && !rule.metric().equals(event.getMessage())) {
            return;
        }
        double bound = bucket ? MetricSample.parse(event.attr(MetricSample.BUCKET_BOUND_LABEL)) : Double.NaN;
        if (bucket && Double.isNaN(bound)) {
            return; // a bucket without a readable upper bound cannot place its observations
        }
        String key;
        try {
            key = selector.keyOf(event);
        } catch (Exception e) {
            ruleErrors++;
            return;
        }
        if (key != null) {
            windows.add(key, seriesId(event), bound, eventNanos, MetricSample.valueOf(event));
        }
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        for (String evicted : evictedWhileFiring) {
            round.add(finding(evicted, false, boundaryNanos, Map.of(), Evidence.NONE));
        }
        evictedWhileFiring.clear();
        windows.evaluate(boundaryNanos, (key, figures) -> {
            boolean holds;
            try {
                holds = condition.holds(figures);
            } catch (Exception e) {
                ruleErrors++;
                return;
            }
            Transition transition = key.update(holds);
            if (transition != Transition.UNCHANGED) {
                round.add(finding(key.key(), transition == Transition.STARTED, boundaryNanos, figures.asValues(),
                        new Evidence(key.evidence(evidenceMessages), List.of())));
            }
        });
    }

    /** Whether its keys are services, so that its firing keys can be told as a service's metric anomalies. */
    public boolean keysByService() {
        return rule.groupsByService();
    }

    /** The anomaly of {@code service} if this rule fires for it now; empty otherwise. */
    public Optional<MetricAnomaly> anomalyOf(String service) {
        MetricKey key = keysByService() ? windows.holding(service) : null;
        return key == null ? Optional.empty()
                : Optional.of(new MetricAnomaly(service, rule.name(), rule.conditionText(), key.evidence(evidenceMessages)));
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        windows.retainFrom(nextBoundaryNanos);
    }

    @Override
    public boolean isIdle() {
        return windows.isEmpty() && evictedWhileFiring.isEmpty();
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
        return windows.droppedSamples();
    }

    @Override
    public void writeState(StateOutput out) {
        out.writeLong(ruleErrors);
        out.writeStrings(evictedWhileFiring);
        windows.writeTo(out);
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedRuleErrors = in.readCounter("rule errors");
        List<String> evicted = in.readStrings("keys evicted while firing");
        if (evicted.size() > maxKeys) {
            throw new CorruptStateException(evicted.size() + " keys evicted while firing, more than "
                    + maxKeys);
        }
        StagedRestore restoreWindows = windows.readState(in);
        return () -> {
            ruleErrors = savedRuleErrors;
            evictedWhileFiring.clear();
            evictedWhileFiring.addAll(evicted);
            restoreWindows.apply();
        };
    }

    private void onEvicted(MetricKey key) {
        if (key.holds()) {
            evictedWhileFiring.add(key.key());
        }
    }

    /** The metric name and labels, sorted: one series reads the same whatever order its labels arrive in. */
    private static String seriesId(Event event) {
        StringBuilder id = new StringBuilder(event.getMessage()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> label : new TreeMap<>(event.getAttributes()).entrySet()) {
            if (MetricSample.isLabel(label.getKey())) {
                id.append(first ? "" : ",").append(label.getKey()).append("=\"").append(label.getValue()).append('"');
                first = false;
            }
        }
        return id.append('}').toString();
    }

    private Finding finding(String key, boolean firing, long boundaryNanos, Map<String, Double> values, Evidence evidence) {
        return new Finding(rule.name(), FindingKind.THRESHOLD, key, firing, rule.severity(), boundaryNanos,
                boundaryNanos - rule.window().sizeNanos(), boundaryNanos,
                FindingLabels.of(rule.name(), keyLabel, key, rule.labels()), values, rule.conditionText(), evidence, null);
    }
}

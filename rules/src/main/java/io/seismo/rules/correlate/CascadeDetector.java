package io.seismo.rules.correlate;

import io.seismo.rules.correlate.CascadeAnalysis.Cascade;
import io.seismo.rules.detect.Detector;
import io.seismo.rules.detect.DetectorLimits;
import io.seismo.rules.detect.FindingLabels;
import io.seismo.rules.dsl.CascadeDefinition;
import io.seismo.rules.dsl.WindowCondition;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Onset;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.KeyedWindows;
import io.seismo.rules.window.WindowFigures;
import io.seismo.rules.window.WindowSpec;
import io.seismo.rules.window.WindowedKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cascade rule. Keeps per-service health windows; at each boundary finds the cascades among the
 * unhealthy services (see {@link CascadeAnalysis}) and reports per root:
 * <ul>
 *   <li>a firing finding when a cascade with that root first appears;</li>
 *   <li>an updated firing finding (same key) when its affected services change while it fires, so
 *       alerting can inhibit callers that joined late; nothing when they stay the same;</li>
 *   <li>a resolved finding when the root is healthy again, or has itself become an affected caller of a
 *       deeper root (which then fires its own cascade).</li>
 * </ul>
 * A firing cascade stays firing while its root is unhealthy, even if its callers recover first.
 */
public final class CascadeDetector implements Detector {
    private final CascadeDefinition rule;
    private final WindowCondition unhealthy;
    private final KeyedWindows health;
    private final DependencyGraph graph;
    private final int evidenceMessages;
    private final int evidenceTraceIds;
    private final int maxKeys;
    private final SortedMap<String, CascadeDetail> firing = new TreeMap<>();
    private long ruleErrors;

    public CascadeDetector(CascadeDefinition rule, DependencyGraph graph, DetectorLimits limits) {
        this.rule = rule;
        this.unhealthy = rule.newCondition();
        this.graph = graph;
        rule.declaredEdges().forEach(edge -> graph.declare(edge.caller(), edge.callee()));
        this.evidenceMessages = limits.evidenceMessages();
        this.evidenceTraceIds = limits.evidenceTraceIds();
        this.maxKeys = limits.maxKeys();
        // An evicted service simply stops counting as unhealthy; a cascade rooted there resolves.
        this.health = new KeyedWindows(rule.window(), limits.allowedLatenessNanos(), limits.maxKeys(),
                Math.max(evidenceMessages, evidenceTraceIds), limits.evidenceSample(), evicted -> { });
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
        String service = event.getService();
        if (event.getKind() == EventKind.LOG && service != null) {
            health.add(service, eventNanos, event.getLevel(), event);
        }
    }

    @Override
    public void evaluate(long boundaryNanos, List<Finding> round) {
        SortedMap<String, Long> onsets = new TreeMap<>();
        Map<String, WindowFigures> figures = new HashMap<>();
        health.evaluate(boundaryNanos, (service, counts) -> {
            try {
                health.update(service, unhealthy.holds(counts), boundaryNanos);
            } catch (Exception e) {
                ruleErrors++; // keep the last known health
            }
            if (service.holds()) {
                onsets.put(service.key(), service.holdsSinceNanos());
            }
            if (service.holds() || firing.containsKey(service.key())) {
                figures.put(service.key(), WindowFigures.of(counts));
            }
        });
        List<Cascade> found = CascadeAnalysis.find(onsets, graph, rule.withinNanos());
        Map<String, Cascade> foundByRoot = new HashMap<>();
        Set<String> affectedNow = new HashSet<>();
        for (Cascade cascade : found) {
            foundByRoot.put(cascade.root(), cascade);
            affectedNow.addAll(cascade.affected());
        }
        for (String root : List.copyOf(firing.keySet())) {
            Cascade current = foundByRoot.get(root);
            if (!onsets.containsKey(root) || affectedNow.contains(root)) {
                round.add(finding(root, false, firing.remove(root), boundaryNanos, figures));
            } else if (current != null && !current.affected().equals(firing.get(root).affectedServices())) {
                CascadeDetail updated = detailOf(current);
                firing.put(root, updated);
                round.add(finding(root, true, updated, boundaryNanos, figures));
            }
        }
        for (Cascade cascade : found) {
            if (!firing.containsKey(cascade.root())) {
                CascadeDetail detail = detailOf(cascade);
                firing.put(cascade.root(), detail);
                round.add(finding(cascade.root(), true, detail, boundaryNanos, figures));
            }
        }
    }

    @Override
    public void retainFrom(long nextBoundaryNanos) {
        health.retainFrom(nextBoundaryNanos);
    }

    @Override
    public boolean isIdle() {
        return health.isEmpty() && firing.isEmpty();
    }

    @Override
    public long ruleErrors() {
        return ruleErrors;
    }

    @Override
    public long keysEvicted() {
        return health.evictions();
    }

    @Override
    public long eventsTooLate() {
        return health.droppedEvents();
    }

    @Override
    public void writeState(StateOutput out) {
        out.writeLong(ruleErrors);
        out.writeInt(firing.size());
        for (CascadeDetail detail : firing.values()) {
            out.writeString(detail.rootService());
            out.writeStrings(detail.affectedServices());
            out.writeInt(detail.timeline().size());
            for (Onset onset : detail.timeline()) {
                out.writeString(onset.service());
                out.writeLong(onset.atNanos());
            }
        }
        health.writeTo(out);
    }

    @Override
    public StagedRestore readState(StateInput in) {
        long savedRuleErrors = in.readCounter("rule errors");
        // Firing roots were unhealthy services at the last boundary, so there are at most maxKeys of them.
        int count = in.readCount("firing cascades", maxKeys,
                StateInput.MIN_STRING_BYTES + 2 * Integer.BYTES);
        SortedMap<String, CascadeDetail> restored = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            CascadeDetail detail = readDetail(in);
            if (restored.put(detail.rootService(), detail) != null) {
                throw new CorruptStateException("cascade rooted at '" + detail.rootService() + "' is saved twice");
            }
        }
        StagedRestore restoreHealth = health.readState(in);
        return () -> {
            ruleErrors = savedRuleErrors;
            firing.clear();
            firing.putAll(restored);
            restoreHealth.apply();
        };
    }

    private CascadeDetail readDetail(StateInput in) {
        String root = in.readString("cascade root");
        try {
            List<String> affected = in.readStrings("affected services");
            int onsets = in.readCount("onsets", maxKeys + 1, StateInput.MIN_STRING_BYTES + Long.BYTES);
            List<Onset> timeline = new ArrayList<>(onsets);
            for (int i = 0; i < onsets; i++) {
                timeline.add(new Onset(in.readString("onset service"), in.readTime("onset time")));
            }
            return new CascadeDetail(root, affected, timeline);
        } catch (CorruptStateException e) {
            throw e.within("cascade rooted at '" + root + "'");
        }
    }

    private static CascadeDetail detailOf(Cascade cascade) {
        return new CascadeDetail(cascade.root(), cascade.affected(), cascade.timeline());
    }

    private Finding finding(String root, boolean isFiring, CascadeDetail detail, long boundaryNanos,
                            Map<String, WindowFigures> figures) {
        Map<String, Double> values = new HashMap<>(figures.getOrDefault(root, WindowFigures.NONE).asValues());
        values.put("affected", (double) detail.affectedServices().size());
        WindowedKey rootHealth = health.get(root);
        Evidence evidence = rootHealth == null ? Evidence.NONE : rootHealth.evidence(evidenceMessages, evidenceTraceIds);
        return new Finding(rule.name(), FindingKind.CASCADE, root, isFiring, rule.severity(), boundaryNanos,
                boundaryNanos - rule.window().sizeNanos(), boundaryNanos,
                FindingLabels.of(rule.name(), "service", root, rule.labels()), values, rule.conditionText(),
                evidence, detail);
    }
}

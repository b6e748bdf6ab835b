package io.seismo.rules.detect;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.KeyedWindows;
import io.seismo.rules.window.Transition;
import io.seismo.rules.window.WindowCounts;
import io.seismo.rules.window.WindowSpec;
import io.seismo.rules.window.WindowedKey;
import java.util.List;
import java.util.Map;

/**
 * The part every windowed rule kind shares: per-key counts over {@link KeyedWindows}, a condition evaluated
 * at each boundary, one firing finding when it starts to hold and one resolved finding when it stops, and a
 * key evicted while firing reported resolved at the next boundary. The kinds differ only in what they count
 * as a marked event (the windows' {@code errors}) and in the figures their condition reads.
 */
public final class KeyedWindowFiring {

    /** A rule's condition over one key's window; may throw whatever the rule's closure throws. */
    @FunctionalInterface
    public interface Condition {
        boolean holds(WindowedKey key, WindowCounts window) throws Exception;
    }

    /** The figures a finding reports for one key's window, computed only when the key changes state. */
    @FunctionalInterface
    public interface Figures {
        Map<String, Double> of(WindowedKey key, WindowCounts window);
    }

    /** What a finding is about, fixed per rule. */
    public record About(String ruleName, Severity severity, String keyLabel, Map<String, String> labels,
                        String conditionText) {
    }

    private final About about;
    private final WindowSpec window;
    private final KeyedWindows windows;
    private final EvictedFiringKeys evictedWhileFiring;
    private final Figures figures;
    private final int evidenceMessages;
    private final int evidenceTraceIds;
    private long conditionErrors;

    public KeyedWindowFiring(About about, WindowSpec window, DetectorLimits limits,
                             Figures figures) {
        this.about = about;
        this.window = window;
        this.figures = figures;
        this.evidenceMessages = limits.evidenceMessages();
        this.evidenceTraceIds = limits.evidenceTraceIds();
        this.evictedWhileFiring = new EvictedFiringKeys(limits.maxKeys());
        this.windows = new KeyedWindows(window, limits.allowedLatenessNanos(), limits.maxKeys(),
                Math.max(evidenceMessages, evidenceTraceIds), limits.evidenceSample(), this::onEvicted);
    }

    /** Counts {@code event} for {@code key}; {@code marked} ones are the windows' {@code errors}. */
    public void add(String key, long eventNanos, boolean marked, Event event) {
        windows.add(key, eventNanos, marked ? Level.ERROR : Level.INFO, event);
    }

    public void evaluate(long boundaryNanos, List<Finding> round, Condition condition) {
        evictedWhileFiring.drain((key, evidence) ->
                round.add(finding(key, false, boundaryNanos, Map.of(), evidence)));
        windows.evaluate(boundaryNanos, (key, counts) -> {
            boolean holds;
            try {
                holds = condition.holds(key, counts);
            } catch (Exception e) {
                conditionErrors++;
                return;
            }
            Transition transition = windows.update(key, holds, boundaryNanos);
            if (transition != Transition.UNCHANGED) {
                round.add(finding(key.key(), transition == Transition.STARTED, boundaryNanos, figures.of(key, counts),
                        key.evidence(evidenceMessages, evidenceTraceIds)));
            }
        });
    }

    public void retainFrom(long nextBoundaryNanos) {
        windows.retainFrom(nextBoundaryNanos);
    }

    public boolean isIdle() {
        return windows.isEmpty() && evictedWhileFiring.isEmpty();
    }

    /** Condition evaluations that threw. */
    public long conditionErrors() {
        return conditionErrors;
    }

    public long keysEvicted() {
        return windows.evictions();
    }

    public long eventsTooLate() {
        return windows.droppedEvents();
    }

    public void writeState(StateOutput out) {
        out.writeLong(conditionErrors);
        evictedWhileFiring.writeTo(out);
        windows.writeTo(out);
    }

    public StagedRestore readState(StateInput in) {
        long savedErrors = in.readCounter("condition errors");
        StagedRestore restoreEvicted = evictedWhileFiring.readState(in);
        StagedRestore restoreWindows = windows.readState(in);
        return () -> {
            conditionErrors = savedErrors;
            restoreEvicted.apply();
            restoreWindows.apply();
        };
    }

    private void onEvicted(WindowedKey key) {
        if (key.holds()) {
            evictedWhileFiring.add(key.key(), key.evidence(evidenceMessages, evidenceTraceIds));
        }
    }

    private Finding finding(String key, boolean firing, long boundaryNanos, Map<String, Double> values, Evidence evidence) {
        return new Finding(about.ruleName(), FindingKind.THRESHOLD, key, firing, about.severity(), boundaryNanos,
                boundaryNanos - window.sizeNanos(), boundaryNanos,
                FindingLabels.of(about.ruleName(), about.keyLabel(), key, about.labels()), values,
                about.conditionText(), evidence, null);
    }
}

package io.seismo.rules.engine;

import io.seismo.rules.correlate.CascadeDetector;
import io.seismo.rules.correlate.DependencyGraph;
import io.seismo.rules.correlate.TraceAssembler;
import io.seismo.rules.detect.Detector;
import io.seismo.rules.detect.DetectorLimits;
import io.seismo.rules.detect.ThresholdDetector;
import io.seismo.rules.dsl.CascadeDefinition;
import io.seismo.rules.dsl.RuleDefinition;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.ThresholdDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.time.Watermark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules engine: event-time windows, trace assembly, the dependency graph, and one detector per rule.
 * Pure and single-threaded: the host hands it events ({@link #onEvent}) and processing-time ticks
 * ({@link #onTick}, every ~250 ms) from one thread, and it answers through its {@link EngineListener} on
 * that thread. It has no clock of its own, so a replay in virtual time behaves exactly like live input.
 *
 * <p>Windows are evaluated when the watermark (newest event time minus the allowed lateness) passes their
 * end. Each boundary is one step; the findings of a step arrive in one {@code onFindings} call.
 */
public final class CorrelationEngine {
    private static final long NO_TIME = Long.MIN_VALUE;
    // Beyond this an event time is garbage (year 2116), and arithmetic on it could overflow.
    private static final long LATEST_PLAUSIBLE_NANOS = 1L << 62;
    private static final Comparator<Finding> ROUND_ORDER = Comparator
            .comparing((Finding finding) -> finding.kind() != FindingKind.CASCADE)
            .thenComparing(Finding::ruleName)
            .thenComparing(Finding::key)
            .thenComparing(Finding::firing);

    private final EngineOptions options;
    private final EngineListener listener;
    private final Watermark watermark;
    private final DependencyGraph graph;
    private final TraceAssembler traces;
    private final List<ScheduledDetector> detectors = new ArrayList<>();
    private boolean scheduleStarted;
    private long eventsSeen;
    private long lateEvents;
    private long eventsWithoutTime;
    private long futureEventTimes;

    public CorrelationEngine(RuleSet rules, EngineOptions options, EngineListener listener) {
        this.options = options;
        this.listener = listener;
        this.watermark = new Watermark(options.allowedLatenessNanos(), options.idleTimeoutNanos());
        this.graph = new DependencyGraph(options.edgeTtlNanos(), options.maxGraphEdges());
        this.traces = new TraceAssembler(options.traceGapNanos(), options.maxOpenTraces(), options.maxSpansPerTrace(),
                graph, listener::onTraceClosed);
        DetectorLimits limits = new DetectorLimits(options.allowedLatenessNanos(), options.maxKeysPerRule(),
                options.evidenceMessages(), options.evidenceTraceIds());
        for (RuleDefinition rule : rules.rules()) {
            detectors.add(new ScheduledDetector(detectorFor(rule, limits)));
        }
    }

    /** Takes one event. Copies out what it keeps: the holder may be refilled as soon as this returns. */
    public void onEvent(Event event) {
        eventsSeen++;
        long eventNanos = eventTimeOf(event);
        if (eventNanos == NO_TIME) {
            eventsWithoutTime++;
            return;
        }
        if (watermark.observe(eventNanos)) {
            advance();
        }
        if (watermark.isLate(eventNanos)) {
            lateEvents++;
        }
        for (ScheduledDetector scheduled : detectors) {
            scheduled.detector().onEvent(event, eventNanos);
        }
        traces.add(event, eventNanos);
    }

    /** A processing-time tick: lets an idle input's watermark move on and closes what that finishes. */
    public void onTick(long processingNanos) {
        if (watermark.tick(processingNanos)) {
            advance();
        }
    }

    /** The event-time watermark; 0 before the first event. */
    public long watermarkNanos() {
        return watermark.started() ? watermark.nanos() : 0;
    }

    public long eventsSeen() {
        return eventsSeen;
    }

    /** Events that arrived behind the watermark (still counted where their window was open). */
    public long lateEvents() {
        return lateEvents;
    }

    /** Events with neither an event time nor a receive time, or an impossible one; not correlated. */
    public long eventsWithoutTime() {
        return eventsWithoutTime;
    }

    /** Events whose own time was too far past their receive time and was replaced by it. */
    public long futureEventTimes() {
        return futureEventTimes;
    }

    public int openTraces() {
        return traces.openTraces();
    }

    public long tracesEvicted() {
        return traces.evicted();
    }

    /** Rule closure evaluations that threw, over all rules. */
    public long ruleErrors() {
        return detectors.stream().mapToLong(scheduled -> scheduled.detector().ruleErrors()).sum();
    }

    /** Rule closure evaluations of one rule that threw; 0 for an unknown rule. */
    public long ruleErrors(String ruleName) {
        return detectors.stream().map(ScheduledDetector::detector).filter(d -> d.ruleName().equals(ruleName))
                .mapToLong(Detector::ruleErrors).sum();
    }

    /** Keys forgotten because a rule reached {@link EngineOptions#maxKeysPerRule()}, over all rules. */
    public long keysEvicted() {
        return detectors.stream().mapToLong(scheduled -> scheduled.detector().keysEvicted()).sum();
    }

    /** Per rule, events too late for any window the rule still had open (an event can count for several). */
    public long eventsTooLateForWindows() {
        return detectors.stream().mapToLong(scheduled -> scheduled.detector().eventsTooLate()).sum();
    }

    public DependencyGraph dependencyGraph() {
        return graph;
    }

    private long eventTimeOf(Event event) {
        long received = event.getReceiveTimeNanos();
        long eventNanos = event.getEventTimeNanos() > 0 ? event.getEventTimeNanos() : received;
        if (eventNanos <= 0 || eventNanos > LATEST_PLAUSIBLE_NANOS) {
            return NO_TIME;
        }
        if (received > 0 && eventNanos - received > options.maxFutureSkewNanos()) {
            futureEventTimes++;
            return received;
        }
        return eventNanos;
    }

    /** Evaluates every boundary the watermark has passed, in time order, one step per boundary. */
    private void advance() {
        long watermarkNanos = watermark.nanos();
        if (!scheduleStarted) {
            detectors.forEach(scheduled -> scheduled.start(watermarkNanos));
            scheduleStarted = true;
        }
        long step;
        while ((step = nextStep()) <= watermarkNanos) {
            traces.closeUpTo(step);
            graph.decay(step);
            List<Finding> round = new ArrayList<>();
            for (ScheduledDetector scheduled : detectors) {
                if (scheduled.nextBoundaryNanos() == step) {
                    scheduled.evaluate(step, watermarkNanos, round);
                }
            }
            if (!round.isEmpty()) {
                round.sort(ROUND_ORDER);
                listener.onFindings(List.copyOf(round));
            }
        }
        traces.closeUpTo(watermarkNanos);
        graph.decay(watermarkNanos);
    }

    private long nextStep() {
        long next = Long.MAX_VALUE;
        for (ScheduledDetector scheduled : detectors) {
            next = Math.min(next, scheduled.nextBoundaryNanos());
        }
        return next;
    }

    private Detector detectorFor(RuleDefinition rule, DetectorLimits limits) {
        if (rule instanceof ThresholdDefinition threshold) {
            return new ThresholdDetector(threshold, limits);
        }
        if (rule instanceof CascadeDefinition cascade) {
            return new CascadeDetector(cascade, graph, limits);
        }
        throw new IllegalArgumentException("no detector for rule kind " + rule.kind());
    }
}

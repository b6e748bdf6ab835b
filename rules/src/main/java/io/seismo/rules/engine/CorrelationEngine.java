package io.seismo.rules.engine;

import io.seismo.rules.correlate.DependencyGraph;
import io.seismo.rules.correlate.TraceAssembler;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.correlate.TraceSummaryEvent;
import io.seismo.rules.detect.Detector;
import io.seismo.rules.detect.DetectorLimits;
import io.seismo.rules.detect.MetricDetector;
import io.seismo.rules.dsl.EventView;
import io.seismo.rules.dsl.RuleDefinition;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.TracesDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.time.Watermark;
import io.seismo.rules.window.EvidenceSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules engine: event-time windows, trace assembly, the dependency graph, and one detector per rule.
 * Pure and single-threaded: the host hands it events ({@link #onEvent}) and processing-time ticks
 * ({@link #onTick}, every ~250 ms) from one thread, and it answers through its {@link EngineListener} on
 * that thread. It has no clock of its own, so a replay in virtual time behaves exactly like live input.
 *
 * <p>Windows are evaluated when the watermark (newest event time minus the allowed lateness) passes their
 * end. Each boundary is one step; the findings of a step arrive in one {@code onFindings} call, or, with an
 * {@link EvaluationPacing} in slices, those of large rules in later calls as the host asks for them
 * ({@link #evaluateMore}).
 */
public final class CorrelationEngine {
    private static final long NO_TIME = Long.MIN_VALUE;
    // Beyond this an event time is garbage (year 2116), and arithmetic on it could overflow.
    private static final long LATEST_PLAUSIBLE_NANOS = 1L << 62;
    private static final Comparator<Finding> ROUND_ORDER = Comparator
            .comparing((Finding finding) -> finding.kind() != FindingKind.CASCADE)
            .thenComparing(Finding::ruleName)
            .thenComparing(Finding::key)
            .thenComparingLong(Finding::atNanos) // a round may end an earlier boundary evaluated in slices
            .thenComparing(Finding::firing);

    private final EngineOptions options;
    private final EngineListener listener;
    private final Watermark watermark;
    private final DependencyGraph graph;
    private final TraceAssembler traces;
    private final List<ScheduledDetector> detectors = new ArrayList<>();
    private final BoundarySchedule boundaries;
    private final EvaluationPacing pacing;
    /** Rules with keys of a passed boundary left to evaluate, oldest boundary first. */
    private final List<ScheduledDetector> evaluating = new ArrayList<>();
    /** A released {@link SealedSnapshot}'s output, for the next {@link PendingSnapshot#seal} to frame into. */
    private final AtomicReference<StateOutput> spareSeal = new AtomicReference<>();
    private static final int COST_SAMPLE = 64;
    private final EventRouting routing;
    private final CascadeAnomalies anomalies;
    /** The {@code traces} rules, which see closed traces rather than events. */
    private final List<ScheduledDetector> traceRules;
    private final Event traceEvent = new Event();
    /** The event time closed traces are shown at: just before the boundary being evaluated, so it counts them. */
    private long tracesClosingAtNanos;
    /** Event time of the last sweep of the dependency graph; not saved, a restored engine sweeps at once. */
    private long lastDecayNanos = Long.MIN_VALUE / 2;
    private final RuleStates ruleStates;
    private final List<List<String>> windowSharing;
    private boolean fresh = true;
    private boolean scheduleStarted;
    /**
     * No rule's next boundary is before this: boundaries only move on once scheduled (a restore, which sets
     * them, resets it), so while the watermark is below it no boundary is passed and the rules need not be asked.
     */
    private long noBoundaryBeforeNanos = Long.MIN_VALUE;
    private long eventsSeen;
    private long lateEvents;
    private long eventsWithoutTime;
    private long futureEventTimes;

    /** An engine that evaluates each boundary at once. */
    public CorrelationEngine(RuleSet rules, EngineOptions options, EngineListener listener) {
        this(rules, options, listener, EvaluationPacing.AT_ONCE);
    }

    public CorrelationEngine(RuleSet rules, EngineOptions options, EngineListener listener, EvaluationPacing pacing) {
        this.options = options;
        this.pacing = pacing;
        this.listener = listener;
        this.watermark = new Watermark(options.allowedLatenessNanos(), options.idleTimeoutNanos());
        this.graph = new DependencyGraph(options.edgeTtlNanos(), options.maxGraphEdges());
        this.traces = new TraceAssembler(options.traceGapNanos(), options.maxOpenTraces(), options.maxSpansPerTrace(),
                graph, this::traceClosed);
        DetectorLimits limits = new DetectorLimits(options.allowedLatenessNanos(), options.maxKeysPerRule(),
                options.evidenceMessages(), options.evidenceTraceIds(), new EvidenceSample(), new EventView());
        List<ScheduledDetector> tracesRules = new ArrayList<>();
        SharedWindows shared = SharedWindows.of(rules, limits);
        for (RuleDefinition rule : rules.rules()) {
            ScheduledDetector scheduled = shared.has(rule)
                    ? new ScheduledDetector(shared.detectorFor(rule), shared.identityOf(rule), rules.latePolicy(rule))
                    : new ScheduledDetector(RuleDetectors.forRule(rule, limits, graph), RuleIdentity.of(rule), rules.latePolicy(rule));
            detectors.add(scheduled);
            if (rule instanceof TracesDefinition) {
                tracesRules.add(scheduled);
            }
        }
        this.traceRules = List.copyOf(tracesRules);
        this.boundaries = new BoundarySchedule(detectors);
        this.windowSharing = shared.groups();
        this.ruleStates = new RuleStates(detectors);
        this.routing = new EventRouting(detectors, rules.rules().stream().map(RuleDefinition::serviceGuard).toList());
        this.anomalies = new CascadeAnomalies(detectors.stream().map(ScheduledDetector::detector)
                .filter(MetricDetector.class::isInstance).map(MetricDetector.class::cast).toList());
    }

    /** Takes one event. Copies out what it keeps: the holder may be refilled as soon as this returns. */
    public void onEvent(Event event) {
        fresh = false;
        eventsSeen++;
        long eventNanos = eventTimeOf(event);
        if (eventNanos == NO_TIME) {
            eventsWithoutTime++;
            return;
        }
        if (watermark.observe(event.getSource(), eventNanos)) {
            advance();
        }
        boolean late = watermark.isLate(eventNanos);
        if (late) {
            lateEvents++;
        }
        // Timing every call would cost more than many rules do; one event in COST_SAMPLE is timed for all.
        int sampleWeight = (eventsSeen & (COST_SAMPLE - 1)) == 0 ? COST_SAMPLE : 0;
        for (ScheduledDetector scheduled : routing.detectorsFor(event.getService())) {
            scheduled.onEvent(event, eventNanos, late, sampleWeight);
        }
        traces.add(event, eventNanos);
    }

    /** A processing-time tick: lets an idle input's watermark move on and closes what that finishes. */
    public void onTick(long processingNanos) {
        if (watermark.tick(processingNanos)) {
            advance();
        }
    }

    /**
     * The engine's whole state, for a checkpoint. Call on the engine's own thread, between events. Holds
     * everything that decides future findings; not the processing-time idle clock (see {@link Watermark}).
     */
    public EngineSnapshot snapshot() {
        PendingSnapshot pending = beginSnapshot();
        pending.finish();
        return EngineSnapshot.own(pending.toBytes());
    }

    /**
     * Takes the engine's whole state as it is now, like {@link #snapshot()}, but writes its windows and open
     * traces out later: in slices through {@link PendingSnapshot#advance} between events, and each one at
     * once before an event or a boundary changes it. A checkpoint then costs the engine's thread a pass over
     * its collections at the start instead of writing them all. Call on the engine's own thread, between
     * events; a snapshot begun while another is incomplete completes that one first (each collection does).
     */
    public PendingSnapshot beginSnapshot() {
        evaluateMore(Integer.MAX_VALUE); // a snapshot holds no half-evaluated boundary
        StateOutput out = new StateOutput(64 * 1024);
        out.writeLong(eventsSeen);
        out.writeLong(lateEvents);
        out.writeLong(eventsWithoutTime);
        out.writeLong(futureEventTimes);
        watermark.writeTo(out);
        out.writeBoolean(scheduleStarted);
        graph.writeTo(out);
        traces.writeTo(out);
        ruleStates.writeTo(out);
        return new PendingSnapshot(out, spareSeal);
    }

    /** Whether rules have keys of passed boundaries left to evaluate ({@link #evaluateMore}). */
    public boolean isEvaluating() {
        return !evaluating.isEmpty();
    }

    /**
     * Goes on evaluating the boundaries rules evaluate in slices: up to {@code maxKeys} more keys of each rule in
     * turn until one is left incomplete. Their findings arrive in one {@code onFindings} call. Call on the
     * engine's own thread, between events; says whether every evaluation is complete.
     */
    public boolean evaluateMore(int maxKeys) {
        List<Finding> round = new ArrayList<>();
        while (!evaluating.isEmpty() && evaluating.get(0).evaluateMore(maxKeys, round)) {
            evaluating.remove(0);
        }
        deliver(round);
        return evaluating.isEmpty();
    }

    /**
     * Loads a snapshot into this engine before its first event. Rules are matched by identity (name and a
     * fingerprint of the definition, see {@link RuleIdentity} and {@link RuleStates}); a rule the snapshot
     * does not know, or knows with another definition, starts empty; state of a rule that is gone is dropped. The snapshot is read
     * and checked in full before anything changes, so after a {@link SnapshotFormatException} this engine
     * is still fresh and can take an older snapshot.
     *
     * @throws SnapshotFormatException when the bytes are not a snapshot this version can read
     * @throws IllegalStateException   when the engine has already taken an event or a snapshot
     */
    public void restore(EngineSnapshot snapshot) {
        if (!fresh) {
            throw new IllegalStateException("a snapshot can only be restored into a fresh engine; this one has "
                    + (eventsSeen > 0 ? "taken " + eventsSeen + " events" : "already been restored"));
        }
        StagedRestore staged;
        try {
            staged = readState(SnapshotEnvelope.open(snapshot.bytes()));
        } catch (CorruptStateException e) {
            throw new SnapshotFormatException("cannot restore the engine snapshot: " + e.getMessage(), e);
        }
        staged.apply();
        fresh = false;
    }

    private StagedRestore readState(SnapshotEnvelope.Opened opened) {
        StateInput in = opened.body();
        long savedEventsSeen = in.readCounter("events seen");
        long savedLateEvents = in.readCounter("late events");
        long savedEventsWithoutTime = in.readCounter("events without time");
        long savedFutureEventTimes = in.readCounter("future event times");
        Watermark.Saved savedWatermark = Watermark.Saved.readFrom(in);
        boolean savedScheduleStarted = in.readBoolean("whether the schedule started");
        if (savedScheduleStarted != savedWatermark.started()) {
            throw new CorruptStateException("the schedule " + (savedScheduleStarted ? "started" : "did not start")
                    + " but the watermark is " + (savedWatermark.started() ? "set" : "unset"));
        }
        List<StagedRestore> parts = new ArrayList<>();
        parts.add(graph.readState(in));
        parts.add(traces.readState(in, opened.traceEncoding()));
        parts.addAll(ruleStates.readFrom(in, savedWatermark));
        in.expectEnd("the snapshot");
        parts.add(() -> {
            eventsSeen = savedEventsSeen;
            lateEvents = savedLateEvents;
            eventsWithoutTime = savedEventsWithoutTime;
            futureEventTimes = savedFutureEventTimes;
            watermark.restore(savedWatermark);
            scheduleStarted = savedScheduleStarted;
            boundaries.refreshAll(); // the rules' parts, applied before this one, set their boundaries
            noBoundaryBeforeNanos = Long.MIN_VALUE;
        });
        return StagedRestore.allOf(parts);
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

    /** What each rule has cost this engine's thread so far, its errors and late events, in rule order. */
    public List<RuleCost> ruleCosts() {
        List<RuleCost> costs = new ArrayList<>(detectors.size());
        for (ScheduledDetector scheduled : detectors) {
            costs.add(scheduled.cost());
        }
        return costs;
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

    /**
     * The names of the rules that share their windows, one list per set of rules counting the same events by the
     * same keys over the same window, in rule order; the first of each list is the one costs are counted under.
     */
    public List<List<String>> windowSharing() {
        return windowSharing;
    }

    public DependencyGraph dependencyGraph() {
        return graph;
    }

    private long eventTimeOf(Event event) {
        long received = event.getReceiveTimeNanos();
        if (options.timeMode() == TimeMode.PROCESSING) {
            return received > 0 && received <= LATEST_PLAUSIBLE_NANOS ? received : NO_TIME;
        }
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

    /** Evaluates every boundary the watermark has passed, then closes the traces it has passed. */
    private void advance() {
        long watermarkNanos = watermark.nanos();
        if (!scheduleStarted) {
            detectors.forEach(scheduled -> scheduled.start(watermarkNanos));
            boundaries.refreshAll();
            scheduleStarted = true;
        }
        if (watermarkNanos >= noBoundaryBeforeNanos) {
            evaluatePassedBoundaries(watermarkNanos);
        }
        tracesClosingAtNanos = watermarkNanos;
        traces.closeUpTo(watermarkNanos);
        // The watermark moves with nearly every event; sweeping every edge that often would cost more than
        // the rules. Edges live for the ttl, so sweeping every sixteenth of it is exact enough.
        if (watermarkNanos - lastDecayNanos >= options.edgeTtlNanos() / 16) {
            graph.decay(watermarkNanos);
            lastDecayNanos = watermarkNanos;
        }
    }

    /** Evaluates every boundary up to {@code watermarkNanos}, in time order, one step per boundary. */
    private void evaluatePassedBoundaries(long watermarkNanos) {
        long step;
        while ((step = boundaries.earliest()) <= watermarkNanos) {
            tracesClosingAtNanos = step - 1;
            traces.closeUpTo(step);
            graph.decay(step);
            List<Finding> round = new ArrayList<>();
            for (int rule = 0; rule < boundaries.size(); rule++) {
                if (boundaries.isDue(rule, step)) {
                    ScheduledDetector scheduled = detectors.get(rule);
                    // A rule still evaluating its previous boundary completes it first (inside evaluate).
                    evaluating.remove(scheduled);
                    scheduled.evaluate(step, watermarkNanos, pacing.keysAtBoundary(), round);
                    boundaries.refresh(rule);
                    if (scheduled.isEvaluating()) {
                        evaluating.add(scheduled);
                    }
                }
            }
            deliver(round);
        }
        noBoundaryBeforeNanos = step;
    }

    private void deliver(List<Finding> round) {
        if (!round.isEmpty()) {
            round.sort(ROUND_ORDER);
            listener.onFindings(List.copyOf(anomalies.enrich(round)));
        }
    }

    private void traceClosed(TraceSummary trace) {
        listener.onTraceClosed(trace);
        if (traceRules.isEmpty()) {
            return;
        }
        TraceSummaryEvent.fill(traceEvent, trace, tracesClosingAtNanos);
        for (ScheduledDetector rule : traceRules) {
            rule.onEvent(traceEvent, tracesClosingAtNanos, false, 0);
        }
    }
}

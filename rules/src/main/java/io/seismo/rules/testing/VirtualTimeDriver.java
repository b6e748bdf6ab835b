package io.seismo.rules.testing;

import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;
import java.time.Duration;
import java.util.List;

/**
 * Runs an engine in virtual time: events carry their own event times, and processing time only moves when
 * the caller says so, in ticks of {@link #TICK} as the daemon's ticker does. Feeds every event through one
 * reused holder, like a ring slot, so an engine that kept the holder would be caught out.
 */
public final class VirtualTimeDriver {
    public static final Duration TICK = Duration.ofMillis(250);

    private final CorrelationEngine engine;
    private final RecordingListener recorder = new RecordingListener();
    private final Event holder = new Event();
    private long processingNanos = Duration.ofHours(1).toNanos();

    public VirtualTimeDriver(RuleSet rules, EngineOptions options) {
        this.engine = new CorrelationEngine(rules, options, recorder);
        engine.onTick(processingNanos);
    }

    public VirtualTimeDriver feed(SyntheticEvent event) {
        event.writeTo(holder);
        engine.onEvent(holder);
        holder.reset();
        return this;
    }

    public VirtualTimeDriver feedAll(List<SyntheticEvent> events) {
        events.forEach(this::feed);
        return this;
    }

    /** One processing-time tick. */
    public VirtualTimeDriver tick() {
        processingNanos += TICK.toNanos();
        engine.onTick(processingNanos);
        return this;
    }

    /** Lets {@code span} of processing time pass without input, ticking as the daemon would. */
    public VirtualTimeDriver idleFor(Duration span) {
        long ticks = span.toNanos() / TICK.toNanos();
        for (long i = 0; i < ticks; i++) {
            tick();
        }
        return this;
    }

    public CorrelationEngine engine() {
        return engine;
    }

    public List<List<Finding>> rounds() {
        return recorder.rounds();
    }

    public List<Finding> findings() {
        return recorder.findings();
    }

    public List<TraceSummary> traces() {
        return recorder.traces();
    }
}

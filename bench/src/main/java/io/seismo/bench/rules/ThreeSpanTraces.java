package io.seismo.bench.rules;

import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import java.time.Duration;
import java.util.List;

/**
 * Open traces shaped as the end-to-end generator writes them: three spans each (gateway calls checkout calls
 * payments, with span and parent ids), in an engine without rules that keeps them open for an hour of event time.
 * What the open-trace measurements share: their heap ({@link OpenTraceMemory}) and their speed
 * ({@link OpenTraceBenchmark}).
 */
final class ThreeSpanTraces {
    static final String[] SERVICES = {"gateway", "checkout", "payments"};
    /** Event time of the first event: any recent moment. */
    static final long START_NANOS = Duration.ofDays(20_000).toNanos();
    /** Event time between two events. */
    static final long SPACING_NANOS = 1_000;

    private ThreeSpanTraces() {
    }

    /** An engine without rules that keeps up to {@code traces} traces open; {@code closed} counts traces closed. */
    static CorrelationEngine engine(int traces, long[] closed) {
        EngineOptions options = EngineOptions.defaults()
                .withMaxOpenTraces(traces)
                .withTraceGapNanos(Duration.ofHours(1).toNanos())
                .withIdleTimeoutNanos(Duration.ofHours(1).toNanos());
        return new CorrelationEngine(RuleSet.empty(), options, new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
                closed[0]++;
            }
        });
    }

    /** The id of trace number {@code trace}: 32 hex digits, spread over the id space. */
    static String traceId(int trace) {
        return String.format("%032x", (long) trace * 2_654_435_761L);
    }

    /** Refills {@code event} as an INFO log line of {@code service} in trace {@code traceId}, without span ids. */
    static void fill(Event event, String service, String traceId, long eventNanos) {
        event.reset();
        event.setKind(EventKind.LOG);
        event.setService(service);
        event.setLevel(Level.INFO);
        event.setTraceId(traceId);
        event.setEventTimeNanos(eventNanos);
    }

    /** Opens traces 0 to {@code traces - 1}, three spans each; returns the event time after the last event. */
    static long open(CorrelationEngine engine, int traces) {
        return open(engine, traces, false);
    }

    /**
     * The same, each trace's spans in call order, or with {@code childrenFirst} the other way round (as lines of
     * different services often arrive): each child then waits for its parent until the parent's line comes.
     */
    static long open(CorrelationEngine engine, int traces, boolean childrenFirst) {
        Event event = new Event();
        long time = START_NANOS;
        for (int t = 0; t < traces; t++) {
            String traceId = traceId(t);
            for (int k = 0; k < SERVICES.length; k++) {
                int s = childrenFirst ? SERVICES.length - 1 - k : k;
                fill(event, SERVICES[s], traceId, time += SPACING_NANOS);
                event.setSpanId(traceId.substring(0, 14) + s);
                event.setParentSpanId(s == 0 ? null : traceId.substring(0, 14) + (s - 1));
                engine.onEvent(event);
            }
        }
        return time;
    }
}

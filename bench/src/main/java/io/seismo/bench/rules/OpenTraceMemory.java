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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * How much heap open traces take (issue 8: 1M open traces in at most 1 GiB). Opens N traces of three spans
 * each (gateway calls checkout calls payments, with span and parent ids, as the end-to-end generator writes
 * them), none closing, then reports the live heap after a full GC against the same engine empty.
 *
 * <p>{@code java -Xmx1g -cp bench/target/benchmarks.jar io.seismo.bench.rules.OpenTraceMemory [traces]}
 */
public final class OpenTraceMemory {
    private static final String[] SERVICES = {"gateway", "checkout", "payments"};

    private OpenTraceMemory() {
    }

    public static void main(String[] args) {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        EngineOptions options = EngineOptions.defaults()
                .withMaxOpenTraces(traces)
                .withTraceGapNanos(Duration.ofHours(1).toNanos())
                .withIdleTimeoutNanos(Duration.ofHours(1).toNanos());
        long[] closed = new long[1];
        CorrelationEngine engine = new CorrelationEngine(RuleSet.empty(), options, new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
                closed[0]++;
            }
        });
        long empty = liveHeap();
        Event event = new Event();
        long time = Duration.ofDays(20_000).toNanos();
        for (int t = 0; t < traces; t++) {
            String traceId = String.format("%032x", (long) t * 2_654_435_761L);
            for (int s = 0; s < SERVICES.length; s++) {
                event.reset();
                event.setKind(EventKind.LOG);
                event.setService(SERVICES[s]);
                event.setLevel(Level.INFO);
                event.setTraceId(traceId);
                event.setSpanId(traceId.substring(0, 14) + s);
                event.setParentSpanId(s == 0 ? null : traceId.substring(0, 14) + (s - 1));
                event.setEventTimeNanos(time += 1_000);
                engine.onEvent(event);
            }
        }
        long full = liveHeap();
        System.out.printf("open traces: %,d (closed early: %d), spans: %,d%n", engine.openTraces(), closed[0],
                (long) engine.openTraces() * SERVICES.length);
        System.out.printf("live heap: %,d MB empty, %,d MB with the traces: %,d bytes per open trace%n",
                empty >> 20, full >> 20, (full - empty) / Math.max(1, engine.openTraces()));
        System.out.printf("max heap: %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

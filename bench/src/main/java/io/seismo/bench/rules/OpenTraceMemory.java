package io.seismo.bench.rules;

import io.seismo.rules.engine.CorrelationEngine;

import java.lang.management.ManagementFactory;

/**
 * How much heap open traces take (issue 8: 1M open traces in at most 1 GiB). Opens N traces of three spans
 * each (gateway calls checkout calls payments, with span and parent ids, as the end-to-end generator writes
 * them), none closing, then reports the live heap after a full GC against the same engine empty.
 *
 * <p>{@code java -Xmx1g -cp bench/target/benchmarks.jar io.seismo.bench.rules.OpenTraceMemory [traces]}
 */
public final class OpenTraceMemory {
    private OpenTraceMemory() {
    }

    public static void main(String[] args) {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long[] closed = new long[1];
        CorrelationEngine engine = ThreeSpanTraces.engine(traces, closed);
        long empty = liveHeap();
        ThreeSpanTraces.open(engine, traces);
        long full = liveHeap();
        System.out.printf("open traces: %,d (closed early: %d), spans: %,d%n", engine.openTraces(), closed[0],
                (long) engine.openTraces() * ThreeSpanTraces.SERVICES.length);
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

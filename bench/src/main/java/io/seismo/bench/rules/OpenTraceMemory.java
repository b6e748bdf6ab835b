package io.seismo.bench.rules;

import io.seismo.rules.engine.CorrelationEngine;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * How much heap open traces take (issue 8: 1M open traces in at most 1 GiB), and how long a full collection of
 * them takes. Opens N traces of three spans each (gateway calls checkout calls payments, with span and parent
 * ids, as the end-to-end generator writes them), none closing, then reports the live heap after a full GC against
 * the same engine empty, and the median of seven full collections with the traces: the collector visits every
 * object of every trace in each, as a concurrent collector's marking does in each of its cycles, so the figure
 * follows the number of objects a trace holds. With {@code children-first} each trace's spans arrive in the
 * other order (each child waits for its parent for a while), as the end-to-end benchmark's often do.
 *
 * <p>{@code java -Xmx1g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -cp bench/target/benchmarks.jar
 * io.seismo.bench.rules.OpenTraceMemory [traces] [in-order|children-first]} (one collector thread: the time is
 * then the collector's work, not how it divides).
 */
public final class OpenTraceMemory {
    private static final int TIMED_COLLECTIONS = 7;

    private OpenTraceMemory() {
    }

    public static void main(String[] args) {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean childrenFirst = args.length > 1 && spanOrder(args[1]);
        long[] closed = new long[1];
        CorrelationEngine engine = ThreeSpanTraces.engine(traces, closed);
        long empty = liveHeap();
        ThreeSpanTraces.open(engine, traces, childrenFirst);
        long full = liveHeap();
        System.out.printf("open traces: %,d (closed early: %d), spans: %,d, %s%n", engine.openTraces(), closed[0],
                (long) engine.openTraces() * ThreeSpanTraces.SERVICES.length,
                childrenFirst ? "children first" : "in call order");
        System.out.printf("live heap: %,d MB empty, %,d MB with the traces: %,d bytes per open trace%n",
                empty >> 20, full >> 20, (full - empty) / Math.max(1, engine.openTraces()));
        long[] millis = fullCollectionMillis();
        System.out.printf("a full collection with the traces: %,d ms (median of %d; %,d to %,d)%n",
                millis[millis.length / 2], millis.length, millis[0], millis[millis.length - 1]);
        System.out.printf("max heap: %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    private static boolean spanOrder(String order) {
        return switch (order) {
            case "in-order" -> false;
            case "children-first" -> true;
            default -> throw new IllegalArgumentException("span order is in-order or children-first, not " + order);
        };
    }

    /** The times of {@link #TIMED_COLLECTIONS} full collections, sorted. */
    private static long[] fullCollectionMillis() {
        long[] millis = new long[TIMED_COLLECTIONS];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            System.gc();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

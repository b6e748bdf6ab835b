package io.seismo.bench.rules;

import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.PendingSnapshot;
import io.seismo.rules.engine.SealedSnapshot;
import io.seismo.rules.event.Event;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The correlator's two costs that grow with the number of open traces, over a million of them shaped as the
 * end-to-end generator writes them ({@link ThreeSpanTraces}): taking an event of a trace already open, in random
 * order (finding the trace among a million is cache misses, which the engine's other benchmarks, on a tenth of
 * that, mostly do not see), and capturing every open trace for a checkpoint, as the correlator does in slices.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseTransparentHugePages"})
public class OpenTraceBenchmark {
    @Param({"1000000"})
    public int traces;

    private CorrelationEngine engine;
    private String[] traceIds;
    private int[] order;
    private final Event[] events = new Event[1024];
    private int next;
    private long eventTimeNanos;

    @Setup
    public void setUp() {
        engine = ThreeSpanTraces.engine(traces, new long[1]);
        eventTimeNanos = ThreeSpanTraces.open(engine, traces);
        traceIds = new String[traces];
        order = new int[traces];
        SplittableRandom random = new SplittableRandom(42);
        for (int t = 0; t < traces; t++) {
            traceIds[t] = ThreeSpanTraces.traceId(t);
            order[t] = t;
        }
        for (int i = traces - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
        for (int i = 0; i < events.length; i++) {
            events[i] = new Event();
        }
    }

    /** One more event of an open trace (its middle service again, no span): the lookup and the trace's update. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int eventOfAnOpenTrace() {
        Event event = events[next & (events.length - 1)];
        ThreeSpanTraces.fill(event, ThreeSpanTraces.SERVICES[1], traceIds[order[next]],
                eventTimeNanos += ThreeSpanTraces.SPACING_NANOS);
        engine.onEvent(event);
        next = next + 1 == traces ? 0 : next + 1;
        return engine.openTraces();
    }

    /**
     * The engine's whole state as a checkpoint takes it: captured (at once here; the correlator does it in slices)
     * and sealed into the chunks the checkpoint writer writes, which are then given back for the next one.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int captureOfEveryOpenTrace() {
        PendingSnapshot snapshot = engine.beginSnapshot();
        snapshot.finish();
        SealedSnapshot sealed = snapshot.seal();
        int bytes = sealed.bytes().stream().mapToInt(ByteBuffer::remaining).sum();
        sealed.release();
        return bytes;
    }
}

package io.seismo.bench.rules;

import io.seismo.bench.e2e.BenchFiles;
import io.seismo.bench.e2e.GeneratedLines;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * The correlator thread's work in the end-to-end benchmark, without the processes and threads around it: the same
 * rules ({@link BenchFiles#ruleFile}: 100 threshold rules, the cascade and the latency probe), the same engine
 * settings (10 ms allowed lateness, a million open traces) and the same lines ({@link GeneratedLines}: a span of
 * one of a million live trace keys, with span and parent ids, 2 % errors, a probe every 50 ms), with event times
 * of whole milliseconds as the lines' timestamps give them, at a chosen rate. Trace closes, window boundaries and
 * the dependency graph's updates then come as often per line as in an end-to-end run at that rate, so the
 * figure is what a line costs that thread there, less what sharing two cores with the rest adds. No checkpoint
 * is taken ({@link OpenTraceBenchmark} times one). The state grows for the first 10–15 s of event time (about a
 * million lines at 75,000 a second), which the warm-up covers. The heap is the packaged daemon's kind (Shenandoah,
 * touched at start, in transparent huge pages): a line's lookups miss the cache among a million traces, and with
 * 4 KB pages each miss is a TLB miss too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages",
        "-XX:+UseShenandoahGC"})
public class EndToEndCorrelatorBenchmark {
    /** Ring slots the lines are parsed into, as the daemon's ring reuses its events. */
    private static final int SLOTS = 4096;
    private static final long MILLI = 1_000_000L;

    /** Lines per second of event time. */
    @Param({"75000"})
    public int rate;

    @Param({"1000000"})
    public int traceKeys;

    private CorrelationEngine engine;
    private final Event[] slots = new Event[SLOTS];
    private final SplittableRandom random = new SplittableRandom(42);
    private final char[] traceId = new char[GeneratedLines.TRACE_ID_CHARS];
    private final char[] spanId = new char[GeneratedLines.SPAN_ID_CHARS];
    private final char[] parentSpanId = new char[GeneratedLines.SPAN_ID_CHARS];
    private long lines;
    private long probes;
    private long nextProbeNanos;
    private long findings;
    private final long startNanos = Duration.ofDays(20_000).toNanos();

    @Setup
    public void setUp() throws RuleLoadException {
        EngineOptions options = EngineOptions.defaults()
                .withAllowedLatenessNanos(BenchFiles.ALLOWED_LATENESS_MILLIS * MILLI)
                .withMaxOpenTraces(traceKeys);
        engine = new CorrelationEngine(RuleSet.compile(List.of(new RuleSource("bench.groovy", BenchFiles.ruleFile(100)))),
                options, new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
                findings += round.size();
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
            }
        });
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Event();
        }
        nextProbeNanos = startNanos;
    }

    /** One line into the engine: an ordinary span, or a probe when one is due. */
    @Benchmark
    public long line() {
        Event event = slots[(int) (lines & (SLOTS - 1))];
        long eventNanos = startNanos + lines * 1_000_000_000L / rate / MILLI * MILLI;
        lines++;
        event.reset();
        event.setKind(EventKind.LOG);
        event.setEventTimeNanos(eventNanos);
        if (eventNanos >= nextProbeNanos) {
            fillProbe(event);
            nextProbeNanos += GeneratedLines.PROBE_EVERY_NANOS;
        } else {
            fillSpan(event);
        }
        engine.onEvent(event);
        return findings;
    }

    private void fillSpan(Event event) {
        boolean error = random.nextInt(100) < GeneratedLines.ERROR_PERCENT;
        long traceKey = random.nextInt(traceKeys);
        int tier = random.nextInt(GeneratedLines.TIERS);
        event.setLevel(error ? Level.ERROR : Level.INFO);
        event.setService(GeneratedLines.serviceName(GeneratedLines.service(traceKey, tier)));
        GeneratedLines.traceId(traceKey, traceId, 0);
        event.setTraceId(traceId, 0, traceId.length);
        GeneratedLines.spanId(traceKey, tier, spanId, 0);
        event.setSpanId(spanId, 0, spanId.length);
        if (tier > 0) {
            GeneratedLines.spanId(traceKey, tier - 1, parentSpanId, 0);
            event.setParentSpanId(parentSpanId, 0, parentSpanId.length);
        }
        event.putAttr("user", GeneratedLines.user(random.nextInt(GeneratedLines.USERS)));
        event.putAttr("route", GeneratedLines.route(random.nextInt(GeneratedLines.ROUTES)));
        event.setMessage(GeneratedLines.message(error, random.nextInt(GeneratedLines.DURATIONS)));
    }

    private void fillProbe(Event event) {
        String id = "p-" + probes++;
        event.setLevel(Level.ERROR);
        event.setService(GeneratedLines.PROBE);
        event.putAttr(GeneratedLines.PROBE, id);
        event.setMessage("latency probe " + id);
    }
}

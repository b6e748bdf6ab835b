package io.seismo.bench.rules;

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
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The correlator's cost per event for a rule set the size issue 8 names: N threshold rules, each on one of
 * 20 services with its own key and condition, plus the cascade rule, over events with trace ids (every
 * event opens or extends a trace). This is the single correlator thread's budget: at 500,000 events/s it
 * has 2 µs per event for all rules together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RuleSetBenchmark {
    private static final int EVENTS = 1 << 16;
    private static final int SERVICES = 20;
    private static final int TRACES = 100_000;
    private static final long EVENT_SPACING_NANOS = 2_000;

    /** How many threshold rules, besides the cascade rule. */
    @Param({"1", "10", "100"})
    public int rules;

    /**
     * How events carry their trace ids: as characters, which the daemon's parsers copy into each event (the
     * correlator looks the open traces up by them), or as Strings, as events built in code do.
     */
    @Param({"characters", "strings"})
    public String traceIds;

    private CorrelationEngine engine;
    private Event[] events;
    private char[][] traceIdChars;
    private int next;
    private long eventTimeNanos = Duration.ofDays(20_000).toNanos();
    private long findings;

    @Setup
    public void setUp() throws RuleLoadException {
        engine = new CorrelationEngine(RuleSet.compile(List.of(new RuleSource("bench.groovy", ruleFile(rules)))),
                EngineOptions.defaults(), new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
                findings += round.size();
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
                findings++;
            }
        });
        events = new Event[EVENTS];
        traceIdChars = new char[EVENTS][];
        SplittableRandom random = new SplittableRandom(42);
        // Values that repeat line to line are one String each, as the daemon's parsers hand them out.
        String[] services = IntStream.range(0, SERVICES).mapToObj(i -> "svc-" + i).toArray(String[]::new);
        String[] routes = IntStream.range(0, 3).mapToObj(i -> "/api/v" + i + "/items").toArray(String[]::new);
        for (int i = 0; i < EVENTS; i++) {
            Event event = new Event();
            event.setKind(EventKind.LOG);
            event.setService(services[random.nextInt(SERVICES)]);
            event.setLevel(random.nextInt(100) < 2 ? Level.ERROR : Level.INFO);
            event.setMessage("request handled");
            traceIdChars[i] = ("trace-" + random.nextInt(TRACES)).toCharArray();
            event.setTraceId(new String(traceIdChars[i]));
            event.putAttr("user", "user-" + random.nextInt(10_000));
            event.putAttr("route", routes[random.nextInt(3)]);
            events[i] = event;
        }
    }

    /** Rule i watches service i mod 20, keyed by user or route, with thresholds that rarely hold. */
    public static String ruleFile(int thresholdRules) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < thresholdRules; i++) {
            file.append("""
                    threshold('rule-%d') {
                        where { service == 'svc-%d' && level >= %s }
                        by { attr('%s') }
                        window sliding(1.minute, 10.seconds)
                        fireWhen { count >= %d && errorRatio > 0.5 }
                    }
                    """.formatted(i, i % SERVICES, i % 2 == 0 ? "INFO" : "ERROR", i % 3 == 0 ? "route" : "user", 50 + i));
        }
        file.append("""
                cascade('service-cascade') {
                    within 2.minutes
                    window sliding(30.seconds, 1.second)
                    unhealthyWhen { errors >= 5 && errorRatio > 0.2 }
                }
                """);
        return file.toString();
    }

    /** One event into the engine; window slides and trace closes are paid by the events. */
    @Benchmark
    public void onEvent(Blackhole blackhole) {
        int at = next++ & (EVENTS - 1);
        Event event = events[at];
        if (traceIds.equals("characters")) {
            event.setTraceId(traceIdChars[at], 0, traceIdChars[at].length); // as a parser sets it, line by line
        }
        eventTimeNanos += EVENT_SPACING_NANOS;
        event.setEventTimeNanos(eventTimeNanos);
        engine.onEvent(event);
        blackhole.consume(findings);
    }
}

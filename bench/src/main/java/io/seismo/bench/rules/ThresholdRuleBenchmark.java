package io.seismo.bench.rules;

import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.EventView;
import io.seismo.rules.dsl.RuleClosure;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.dsl.ThresholdDefinition;
import io.seismo.rules.dsl.WindowView;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a rule written in the Groovy DSL costs against the same rule written as Java lambdas, both run by the
 * same engine: a threshold over a one-minute sliding window (10 s slide) keyed by a user field, 10,000 keys,
 * 2% errors, 50,000 events per second of event time. The difference is the price of the DSL (issue 4 asks
 * for at most 1.5×).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ThresholdRuleBenchmark {
    static final String GROOVY_RULE = """
            threshold('user-errors') {
                where { service == 'checkout' || service == 'payments' }
                by { attr('user') }
                window sliding(1.minute, 10.seconds)
                fireWhen { count >= 50 && errorRatio > 0.5 }
            }
            """;
    private static final int EVENTS = 1 << 16;
    private static final int USERS = 10_000;
    private static final long EVENT_SPACING_NANOS = 20_000;
    private static final String[] SERVICES = {"checkout", "payments", "gateway", "search"};

    /** {@code groovy}: the rule compiled from {@link #GROOVY_RULE}; {@code java}: the same rule as lambdas. */
    @Param({"groovy", "java"})
    public String form;

    private CorrelationEngine engine;
    private Event[] events;
    private int next;
    private long eventTimeNanos = Duration.ofDays(20_000).toNanos();
    private long findings;

    @Setup
    public void setUp() throws RuleLoadException {
        RuleSet rules = "java".equals(form) ? RuleSet.of(List.of(javaRule()))
                : RuleSet.compile(List.of(new RuleSource("bench.groovy", GROOVY_RULE)));
        engine = new CorrelationEngine(rules, EngineOptions.defaults(), new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
                findings += round.size();
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
                // No trace ids in this input.
            }
        });
        events = new Event[EVENTS];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < EVENTS; i++) {
            Event event = new Event();
            event.setKind(EventKind.LOG);
            event.setService(SERVICES[random.nextInt(SERVICES.length)]);
            event.setLevel(random.nextInt(100) < 2 ? Level.ERROR : Level.INFO);
            event.setMessage("request handled");
            event.putAttr("user", "user-" + random.nextInt(USERS));
            events[i] = event;
        }
    }

    /** The same rule as {@link #GROOVY_RULE}, as plain Java. */
    static ThresholdDefinition javaRule() {
        return new ThresholdDefinition("user-errors", "ThresholdRuleBenchmark.java", 1, Severity.WARNING, Map.of(),
                WindowSpec.sliding(Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(10).toNanos()),
                RuleClosure.ofJava(EventView.class,
                        view -> "checkout".equals(view.getService()) || "payments".equals(view.getService()),
                        "service == 'checkout' || service == 'payments'"),
                RuleClosure.ofJava(EventView.class, view -> view.attr("user"), "attr('user')"),
                RuleClosure.ofJava(WindowView.class, window -> window.getCount() >= 50 && window.getErrorRatio() > 0.5,
                        "count >= 50 && errorRatio > 0.5"));
    }

    /** One event into the engine; window boundaries (every 10 s of event time) are paid by the events. */
    @Benchmark
    public void onEvent(Blackhole blackhole) {
        Event event = events[next++ & (EVENTS - 1)];
        eventTimeNanos += EVENT_SPACING_NANOS;
        event.setEventTimeNanos(eventTimeNanos);
        engine.onEvent(event);
        blackhole.consume(findings);
    }
}

package io.seismo.rules.engine;

import io.seismo.rules.RuleText;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import java.util.List;

/**
 * Prints the size of a snapshot, and how long taking and restoring it take, for a loaded engine: 100k open
 * traces of four spans each over 10k services, so every rule holds 10k keys. A report, not a test (no
 * timing assertions); run its {@code main} with the test classpath.
 */
public final class SnapshotSizeReport {
    private static final int TRACES = 100_000;
    private static final int SERVICES = 10_000;

    private SnapshotSizeReport() {
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = SnapshotEquivalenceTest.exampleRules();
        CorrelationEngine engine = new CorrelationEngine(rules, EngineOptions.defaults(), new Ignore());
        Event holder = new Event();
        for (int trace = 0; trace < TRACES; trace++) {
            // Eight seconds of event time: within the trace gap, so every trace is still open at the end.
            long at = RuleText.T0 + (long) trace * 80_000L;
            String parent = null;
            for (int depth = 0; depth < 4; depth++) {
                String service = "svc-" + ((trace * 7 + depth * 31) % SERVICES);
                String span = "span-" + trace + "-" + depth;
                SyntheticEvent.log(at + depth * 1_000L, service, depth == 3 && trace % 5 == 0 ? Level.ERROR : Level.INFO,
                                service + " handled request " + trace)
                        .withTrace("trace-" + trace).withSpan(span, parent).writeTo(holder);
                engine.onEvent(holder);
                parent = span;
            }
        }
        System.out.printf("open traces %d, keys evicted %d%n", engine.openTraces(), engine.keysEvicted());
        EngineSnapshot snapshot = null;
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            snapshot = engine.snapshot();
            System.out.printf("snapshot %d: %.1f ms%n", round, (System.nanoTime() - start) / 1e6);
        }
        byte[] bytes = snapshot.toBytes();
        System.out.printf("snapshot size: %,d bytes%n", bytes.length);
        for (int round = 1; round <= 3; round++) {
            CorrelationEngine restored = new CorrelationEngine(rules, EngineOptions.defaults(), new Ignore());
            long start = System.nanoTime();
            restored.restore(EngineSnapshot.fromBytes(bytes));
            System.out.printf("restore %d: %.1f ms (%d open traces)%n", round, (System.nanoTime() - start) / 1e6,
                    restored.openTraces());
        }
    }

    private static final class Ignore implements EngineListener {
        @Override
        public void onFindings(List<Finding> round) {
        }

        @Override
        public void onTraceClosed(TraceSummary trace) {
        }
    }
}

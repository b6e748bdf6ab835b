package io.seismo.daemon.checkpoint;

import io.seismo.daemon.correlate.EngineCorrelator;
import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.Origin;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.parse.ParserFactory;
import io.seismo.daemon.parse.ParserSpec;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.finding.Finding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: measures start-up recovery for a journal holding 10 s of full-rate input (by default 60,000
 * lines/s of ~250-byte JSON lines, the order ingest reaches on this 2-core machine) through the real pipeline,
 * JSON parser and engine, as the daemon runs them (ring 65,536, one parse thread). Run with the test classpath:
 * {@code java -cp target/test-classes:target/classes:<deps> io.seismo.daemon.checkpoint.RecoveryBenchmark [lines]}.
 */
public final class RecoveryBenchmark {
    private static final String RULE = """
            threshold('checkout-errors') {
                where { service == 'checkout' }
                window sliding(60.seconds, 10.seconds)
                fireWhen { errors >= 1000000 }
            }
            """;

    private RecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        Path data = Files.createTempDirectory("seismo-recovery-bench");
        try {
            long bytes = writeJournal(data, lines);
            for (int round = 1; round <= 3; round++) {
                RecoveryResult result = recover(data);
                System.out.printf("round %d: replayed %,d lines (%,d journal bytes) in %.2f s = %,.0f lines/s%n",
                        round, result.eventsReplayed(), bytes, result.seconds(), result.eventsReplayed() / result.seconds());
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long writeJournal(Path data, int lines) throws Exception {
        long startNanos = Instant.parse("2026-11-23T22:00:00Z").getEpochSecond() * 1_000_000_000L;
        long bytes = 0;
        try (SegmentedJournal journal = new SegmentedJournal(data.resolve("journal"), JournalOptions.perBatch(64L << 20), () -> { })) {
            Origin origin = null;
            for (int i = 0; i < lines; i++) {
                if (i % 500 == 0) {
                    origin = new Origin("agent-" + (i % 7), "host-" + (i % 7), "checkout", "/var/log/checkout.log",
                            "file-" + (i % 7), startNanos + i * 16_666L);
                    journal.commit();
                }
                String line = String.format("{\"ts\":\"%s\",\"level\":\"%s\",\"service\":\"checkout\",\"trace_id\":\"%032x\","
                                + "\"span_id\":\"%016x\",\"message\":\"payment %d declined by the upstream gateway after retrying\","
                                + "\"http.status\":%d,\"duration_ms\":%d}",
                        Instant.ofEpochSecond(0, startNanos + i * 16_666L), i % 50 == 0 ? "ERROR" : "INFO", i / 4, i, i,
                        i % 50 == 0 ? 502 : 200, i % 300);
                journal.append(origin, i * 250L, false, line);
                bytes += line.length();
            }
        }
        return bytes;
    }

    private static RecoveryResult recover(Path data) throws Exception {
        DaemonMetrics metrics = new DaemonMetrics();
        DurabilityMetrics durability = new DurabilityMetrics(metrics.registry(), Clock.systemUTC());
        EngineListener quiet = new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
            }
        };
        CorrelationEngine engine = new CorrelationEngine(RuleSet.compile(List.of(new RuleSource("bench.groovy", RULE))),
                EngineOptions.defaults(), quiet);
        EngineCorrelator correlator = new EngineCorrelator(engine, metrics, durability.reloadStateRestoreFailures);
        SegmentedJournal journal = new SegmentedJournal(data.resolve("journal"), JournalOptions.perBatch(64L << 20), () -> { });
        CheckpointStore store = new CheckpointStore(data.resolve("checkpoints"), CheckpointFault.NONE, () -> { });
        try (Checkpointer checkpointer = new Checkpointer(store, journal.files(), AlertingState.stateless(), Duration.ofSeconds(5), durability);
             Pipeline pipeline = new Pipeline(65_536, 1, journal,
                     () -> new LineParser[] {ParserFactory.create(ParserSpec.json())}, correlator, checkpointer, metrics)) {
            return new Recovery(store, journal.files(), durability)
                    .recover(pipeline, correlator, AlertingState.stateless(), new SourceOffsets(), (service, path) -> 0,
                            Duration.ofSeconds(60));
        }
    }
}

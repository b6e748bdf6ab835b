package io.seismo.tests.durability;

import io.seismo.tests.harness.Cluster;
import io.seismo.tests.harness.Cluster.AgentInput;
import io.seismo.tests.harness.JournalTap;
import io.seismo.tests.harness.SeededLogGenerator;
import io.seismo.tests.harness.WebhookReceiver;
import io.vertx.core.json.JsonObject;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One crash scenario's moving parts: a daemon and an agent as real processes, a seeded generator writing
 * sequence-numbered lines, a tap that keeps every journal segment readable, the bucket rules, and webhook
 * receivers as sinks. The daemon checkpoints every second. Event time runs up to three times faster than
 * wall time here, and after a restart the agent ships each file's backlog in turn, so files disagree by the
 * backlog's span of event time: 60 s of allowed lateness covers a 20 s outage, and idle input never moves the
 * watermark, so window results depend on the input alone.
 */
final class CrashRig implements AutoCloseable {
    static final String INGESTED = "seismo_ingest_events_total";
    private static final List<String> SERVICES = List.of("checkout", "payments", "catalog", "auth");
    private static final List<String> DIAGNOSTIC_METRICS = List.of(INGESTED, "seismo_ingest_duplicate_lines_total",
            "seismo_late_events_total", "seismo_replay_events_total", "seismo_checkpoints_total",
            "seismo_checkpoint_fallbacks_total", "seismo_journal_tail_truncated_total", "seismo_rule_errors_total");
    private static final String AGENT_YAML = "retry: { initialBackoff: 100ms, maxBackoff: 500ms }\n";

    private final Cluster cluster;
    private final SeededLogGenerator generator;
    private final JournalTap tap;
    private final List<WebhookReceiver> receivers;

    /**
     * @param maxLines  the most lines the generator writes (it stops earlier at {@link #finish})
     * @param receivers one webhook sink each, named {@code hook0}, {@code hook1}, … with a 1 s timeout
     */
    CrashRig(Path dir, long seed, int linesPerSecond, long maxLines, List<WebhookReceiver> receivers) {
        this.cluster = new Cluster(dir);
        this.generator = new SeededLogGenerator(dir.resolve("logs"), SERVICES, seed, linesPerSecond, maxLines);
        this.tap = new JournalTap(cluster.journalDir(), dir.resolve("journal-tap"));
        this.receivers = List.copyOf(receivers);
    }

    Cluster cluster() {
        return cluster;
    }

    SeededLogGenerator generator() {
        return generator;
    }

    /** Daemon (until ready), agent, tap and generator, in that order. */
    void start() throws IOException {
        cluster.writeRule(BucketRules.FILE_NAME, BucketRules.GROOVY);
        cluster.startDaemon(daemonYaml());
        cluster.awaitDaemonReady();
        tap.start();
        generator.start();
        cluster.startAgent(SERVICES.stream().map(s -> new AgentInput(generator.fileOf(s).toString(), s)).toList(), AGENT_YAML);
    }

    /** {@code kill -9} the daemon and start it again on the same data, without waiting for it. */
    void crashDaemonAndRestart() throws IOException, InterruptedException {
        cluster.killDaemon();
        cluster.restartDaemon(Map.of());
    }

    /** Lines this daemon process took since it started; -1 while it does not answer. */
    double ingestedSinceStart() {
        return metric(INGESTED);
    }

    /** An unlabelled sample of the running daemon's {@code /metrics}; -1 when absent or not answering. */
    double metric(String name) {
        try {
            return cluster.probe().metric(name);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void awaitIngestedSinceStart(double lines) {
        awaitOrFail("daemon ingests " + lines + " lines since it started", Duration.ofSeconds(60),
                () -> ingestedSinceStart() >= lines);
    }

    /** The daemon answers HTTP at all (it may still be replaying: {@code /readyz} can still say 503). */
    void awaitListening() {
        awaitOrFail("daemon answers /healthz", Duration.ofSeconds(60), () -> {
            try {
                return cluster.probe().get("/healthz").statusCode() > 0;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Waits, bounded, until the generator wrote every line it may write. */
    void awaitAllWritten() {
        awaitOrFail("generator writes all " + generator.total() + " lines", Duration.ofSeconds(120),
                () -> generator.written() >= generator.total());
    }

    SequenceLedger ledger() throws IOException {
        return new SequenceLedger(tap.sequences(), generator.total());
    }

    /**
     * Ends the input at a bucket boundary, waits until every line is journaled (the agent caught up), then
     * closes all windows with an end marker and waits until {@code receiver} heard of every bucket's alert and of
     * its resolve.
     * Only the first wait fails here; what the receiver lacks is for {@link #assertExactlyOnce} to name.
     */
    void finish(WebhookReceiver receiver) throws IOException {
        long total = generator.finishBucket();
        boolean caughtUp = within(Duration.ofSeconds(120), () -> ledger().distinct() == total);
        assertThat(caughtUp).as("every line journaled within 120 s of the input's end\n%s\n%s",
                ledger().problems(), diagnostics()).isTrue();
        generator.writeEndMarker();
        Set<String> all = BucketRules.allBuckets(total);
        within(Duration.ofSeconds(60), () ->
                BucketRules.buckets(receiver.alerts(), BucketRules.COMPLETE).containsAll(all)
                        && BucketRules.buckets(receiver.alerts(), BucketRules.COMPLETE, "resolved").containsAll(all));
    }

    /**
     * (a) every sequence number journaled exactly once; (b) every bucket fired (all its 100 lines counted) and
     * resolved, and none was counted past 100; (c) every notification came with an {@code Idempotency-Key}, every
     * resend with the same key and alerts as the first time, and a receiver that drops keys it already took got
     * no (alert, status) twice.
     *
     * @return how many notifications came again under a key already taken
     */
    long assertExactlyOnce(WebhookReceiver receiver) throws IOException {
        assertThat(ledger().problems()).as("journal: every sequence number exactly once\n%s", diagnostics()).isEmpty();
        List<JsonObject> alerts = receiver.alertsOncePerKey();
        Set<String> all = BucketRules.allBuckets(generator.total());
        assertThat(BucketRules.buckets(alerts, BucketRules.DOUBLE_COUNTED))
                .as("buckets where some line was counted twice (count > 100)\n%s", diagnostics()).isEmpty();
        assertThat(BucketRules.buckets(alerts, BucketRules.COMPLETE))
                .as("buckets whose 100 lines were all counted (fired); missing ones lost a line\n%s", diagnostics())
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(BucketRules.buckets(alerts, BucketRules.COMPLETE, "resolved"))
                .as("buckets whose alert was resolved after its window").containsExactlyInAnyOrderElementsOf(all);
        return Deliveries.assertOncePerKey(receiver, diagnostics());
    }

    /** The running daemon counted at least one {@code metric} (a counter) since it started. */
    void assertCounted(String metric, String after) {
        assertThat(metric(metric))
                .as("%s after %s (-1: the daemon does not export it)\n%s", metric, after, tail(cluster.daemonOutput()))
                .isGreaterThanOrEqualTo(1);
    }

    /** The checkpoint files, oldest first, by the daemon's naming {@code checkpoints/checkpoint-<seq>.bin}. */
    List<Path> checkpoints() throws IOException {
        Path dir = cluster.dataDir().resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+\\.bin")).sorted().toList();
        }
    }

    /** The daemon's own counts of what can go wrong on the way, and the processes' last output, for failure messages. */
    String diagnostics() {
        String counters = DIAGNOSTIC_METRICS.stream().map(name -> name + "=" + metric(name)).collect(Collectors.joining(", "));
        return "daemon counters now (-1: absent): " + counters + "\n" + tail(cluster.outputs());
    }

    /** What both processes printed last, enough to see a failure without drowning the report. */
    String tail(String output) {
        int keep = 6_000;
        return output.length() <= keep ? output : "…" + output.substring(output.length() - keep);
    }

    private String daemonYaml() {
        String sinks = IntStream.range(0, receivers.size())
                .mapToObj(i -> "  - { name: hook" + i + ", type: webhook, url: \"" + receivers.get(i).url() + "\", timeout: 1s }\n")
                .collect(Collectors.joining());
        return """
                engine: { allowedLateness: 60s, idleTimeout: 1h }
                alerting: { groupWait: 0s }
                durability: { checkpointInterval: 1s }
                sinks:
                """ + sinks;
    }

    private void awaitOrFail(String what, Duration atMost, Callable<Boolean> condition) {
        assertThat(within(atMost, condition)).as("%s within %s\n%s", what, atMost, diagnostics()).isTrue();
    }

    /** Waits up to {@code atMost} for the condition; false instead of an exception, so the caller's assertion says what is missing. */
    static boolean within(Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            cluster.close();
        } finally {
            tap.close();
            generator.close();
        }
    }
}

package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.JournalReader;
import io.seismo.daemon.journal.JournalRecord;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import io.seismo.rules.event.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PipelineTest {
    private static final LineParser UPPERCASE = (line, out) -> {
        out.setMessage(line.toString().toUpperCase());
        return !line.toString().startsWith("bad");
    };

    @TempDir
    Path dir;

    private final DaemonMetrics metrics = new DaemonMetrics();
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close(Duration.ofSeconds(5));
        }
    }

    /** Two parse threads beside the journal, or none: the journal thread parses too. */
    @ParameterizedTest
    @ValueSource(ints = {2, 0})
    void shouldJournalParseAndCorrelateEveryLineInRingOrder(int parseThreads) throws Exception {
        RecordingCorrelator correlator = new RecordingCorrelator(null);
        pipeline = start(1024, parseThreads, correlator);
        RecordingAck ack1 = new RecordingAck();
        RecordingAck ack2 = new RecordingAck();

        assertThat(pipeline.tryPublish(batch(ack1, "a", "b", "bad c"))).isTrue();
        assertThat(pipeline.tryPublish(batch(ack2, "d", "e"))).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> correlator.messages.size() == 5);
        assertThat(correlator.messages).containsExactly("A", "B", "BAD C", "D", "E");
        assertThat(correlator.services).containsOnly("checkout");
        assertThat(ack1.journaled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ack2.journaled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(metrics.parseFailures.get()).isEqualTo(1.0);

        pipeline.close(Duration.ofSeconds(5));
        pipeline = null;
        assertThat(journaled()).extracting(JournalRecord::line).containsExactly("a", "b", "bad c", "d", "e");
    }

    @Test
    void shouldRefuseABatchWhenTheRingIsFullAndAcceptAgainOnceItDrains() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingCorrelator correlator = new RecordingCorrelator(release);
        pipeline = start(8, 1, correlator);

        int accepted = 0;
        while (accepted < 100 && pipeline.tryPublish(batch(new RecordingAck(), "x"))) {
            accepted++;
        }
        assertThat(accepted).isLessThan(100);
        assertThat(pipeline.remainingCapacity()).isZero();

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.tryPublish(batch(new RecordingAck(), "y")));
        await().atMost(Duration.ofSeconds(10)).until(() -> correlator.messages.contains("Y"));
        assertThat(correlator.messages).hasSize(accepted + 1);
    }

    @Test
    void shouldDeliverTicksToTheCorrelator() {
        RecordingCorrelator correlator = new RecordingCorrelator(null);
        pipeline = start(64, 1, correlator);

        assertThat(pipeline.tick(42L)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> correlator.lastTick.get() == 42);
    }

    @Test
    void shouldCountAFailingCorrelatorAndKeepGoing() {
        RecordingCorrelator correlator = new RecordingCorrelator(null);
        pipeline = start(64, 1, correlator);

        pipeline.tryPublish(batch(new RecordingAck(), "explode", "after"));

        await().atMost(Duration.ofSeconds(10)).until(() -> correlator.messages.contains("AFTER"));
        assertThat(metrics.handlerErrors("correlator").get()).isEqualTo(1.0);
    }

    @Test
    void shouldJournalALineWhoseParserThrowsOnTheJournalThreadAndCountIt() throws Exception {
        LineParser throwing = (line, out) -> {
            if ("boom".contentEquals(line)) {
                throw new IllegalStateException("parser bug");
            }
            return UPPERCASE.parse(line, out);
        };
        RecordingCorrelator correlator = new RecordingCorrelator(null);
        pipeline = start(64, 0, correlator, throwing);
        RecordingAck ack = new RecordingAck();

        assertThat(pipeline.tryPublish(batch(ack, "a", "boom", "b"))).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> correlator.messages.contains("B"));
        assertThat(correlator.messages).containsExactly("A", "B"); // the unparsed line is not correlated
        assertThat(metrics.handlerErrors("parse").get()).isEqualTo(1.0);
        assertThat(metrics.handlerErrors("journal").get()).isZero();
        assertThat(ack.journaled.await(5, TimeUnit.SECONDS)).isTrue();
        pipeline.close(Duration.ofSeconds(5));
        pipeline = null;
        assertThat(journaled()).extracting(JournalRecord::line).containsExactly("a", "boom", "b");
    }

    @Test
    void shouldNameEachHandlerThreadAfterItsRole() throws IOException {
        pipeline = start(64, 2, new RecordingCorrelator(null));
        List<String> names = List.of("seismo-journal", "seismo-parse-0", "seismo-parse-1", "seismo-correlator");

        // Each handler names its thread once the thread has started, a moment after the pipeline is built.
        await().atMost(Duration.ofSeconds(10)).until(() -> liveThreadNames().containsAll(names));
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            // What top and the end-to-end benchmark read: the native name, its first 15 characters.
            assertThat(nativeThreadNames(tasks)).contains("seismo-journal", "seismo-parse-0", "seismo-parse-1",
                    "seismo-correlat");
        }
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }

    private static List<String> nativeThreadNames(Path tasks) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> each = Files.list(tasks)) {
            for (Path task : each.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).trim());
                } catch (IOException ended) {
                    // A thread that ended since the listing has no name to read.
                }
            }
        }
        return names;
    }

    private Pipeline start(int ringSize, int parsers, Correlator correlator) {
        return start(ringSize, parsers, correlator, UPPERCASE);
    }

    private Pipeline start(int ringSize, int parsers, Correlator correlator, LineParser parser) {
        try {
            SegmentedJournal journal = new SegmentedJournal(dir, JournalOptions.perBatch(1 << 20), () -> { });
            return new Pipeline(ringSize, parsers, journal, () -> new LineParser[] {parser}, correlator, BarrierHandler.NONE, metrics);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IngestBatch batch(JournalAck ack, String... lines) {
        long[] offsets = new long[lines.length];
        for (int i = 1; i < lines.length; i++) {
            offsets[i] = offsets[i - 1] + lines[i - 1].length() + 1;
        }
        BatchMeta meta = new BatchMeta("agent-1", "host-1", "checkout", "/var/log/checkout.log", "src-1",
                0, offsets[lines.length - 1] + lines[lines.length - 1].length() + 1, 0, 1L);
        return new IngestBatch(meta, BatchLines.of(lines, offsets), ack);
    }

    private List<JournalRecord> journaled() throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path segment : files.sorted().toList()) {
                JournalReader.read(segment, records::add);
            }
        }
        return records;
    }

    private static final class RecordingCorrelator implements Correlator {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<String> services = new CopyOnWriteArrayList<>();
        final AtomicLong lastTick = new AtomicLong();
        private final CountDownLatch gate;
        private final AtomicInteger seen = new AtomicInteger();

        RecordingCorrelator(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void onEvent(Event event) {
            if (gate != null && seen.getAndIncrement() == 0) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (event.getMessage().equals("EXPLODE")) {
                throw new IllegalStateException("poison event");
            }
            messages.add(event.getMessage());
            services.add(event.getService());
        }

        @Override
        public void onTick(long nowNanos) {
            lastTick.set(nowNanos);
        }
    }

    private static final class RecordingAck implements JournalAck {
        final CountDownLatch journaled = new CountDownLatch(1);

        @Override
        public void journaled() {
            journaled.countDown();
        }

        @Override
        public void failed(Throwable cause) {
        }
    }
}

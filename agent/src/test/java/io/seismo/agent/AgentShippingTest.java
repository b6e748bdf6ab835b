package io.seismo.agent;

import io.seismo.agent.testing.Answer;
import io.seismo.agent.testing.Datasets;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.ReceivedBatch;
import io.seismo.agent.testing.ReceivedLine;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgentShippingTest {
    @TempDir
    Path dir;

    private FakeDaemon daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        daemon = FakeDaemon.start();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    @Test
    void shouldShipAppendedLinesOnceInOrderWithOffsetsAndHeaders() {
        Path logs = dir.resolve("logs");
        Path log = logs.resolve("checkout.log");
        try (LogFile file = new LogFile(createParent(log));
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), logs + "/*.log", "checkout").build())) {
            file.write("alpha\nbeta\r\ngamma\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 3);
            file.write("délta ✓\n\nepsilon\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 6);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == size(log));

            assertThat(daemon.acceptedTexts()).containsExactly("alpha", "beta", "gamma", "délta ✓", "", "epsilon");
            assertThat(daemon.acceptedLines()).extracting(ReceivedLine::offset)
                    .containsExactly(0L, 6L, 12L, 18L, 18L + "délta ✓\n".getBytes(StandardCharsets.UTF_8).length,
                            18L + "délta ✓\n\n".getBytes(StandardCharsets.UTF_8).length);
            ReceivedBatch first = daemon.accepted().get(0);
            assertThat(first.header("Authorization")).isEqualTo("Bearer " + FakeDaemon.TOKEN);
            assertThat(first.header("Content-Type")).isEqualTo("application/vnd.seismo.lines");
            assertThat(first.header("Seismo-Agent")).isEqualTo("test-agent");
            assertThat(first.header("Seismo-Host")).isEqualTo("test-host");
            assertThat(first.header("Seismo-Service")).isEqualTo("checkout");
            assertThat(first.header("Seismo-Path")).isEqualTo(log.toAbsolutePath().toString());
            assertThat(first.header("Seismo-Source")).matches("[0-9a-f]{32}");
            for (ReceivedBatch batch : daemon.accepted()) {
                assertThat(batch.header("Seismo-Source")).isEqualTo(first.header("Seismo-Source"));
                assertThat(Long.parseLong(batch.header("Seismo-First-Offset"))).isEqualTo(batch.lines().get(0).offset());
            }
            ReceivedBatch last = daemon.accepted().get(daemon.accepted().size() - 1);
            assertThat(Long.parseLong(last.header("Seismo-Last-Offset"))).isEqualTo(size(log));
            AgentStats stats = agent.stats();
            assertThat(stats.linesRead()).isEqualTo(6);
            assertThat(stats.bytesRead()).isEqualTo(size(log));
            assertThat(stats.openFiles()).isEqualTo(1);
            assertThat(stats.batchesAcked()).isEqualTo(daemon.accepted().size());
        }
    }

    @Test
    void shouldShipEveryLineOfARealLogFileUnchanged() throws Exception {
        Path loghub = Datasets.loghub().orElse(null);
        Assumptions.assumeTrue(loghub != null, "the loghub samples (../shared/datasets/loghub) are not available");
        Path sample = loghub.resolve("HDFS_2k.log");
        List<String> expected = Files.readAllLines(sample, StandardCharsets.UTF_8);

        try (Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), sample.toString(), "hdfs").build())) {
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= expected.size());
            assertThat(daemon.acceptedTexts()).containsExactlyElementsOf(expected);
            assertThat(daemon.accepted()).allSatisfy(batch -> assertThat(batch.lines()).hasSizeLessThanOrEqualTo(100));
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(sample) == Files.size(sample));
        }
    }

    @Test
    void shouldKeepShippingOtherFilesWhileOneFileIsRefused() {
        Path stuck = dir.resolve("logs/stuck.log");
        Path healthy = dir.resolve("logs/healthy.log");
        daemon.answerWith(batch -> batch.path().endsWith("stuck.log") ? Answer.status(500) : Answer.ok());
        try (LogFile a = new LogFile(createParent(stuck));
             LogFile b = new LogFile(healthy);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), dir + "/logs/*.log", "svc")
                     .maxInFlightBatches(1).build())) {
            a.writeSequence(0, 50);
            // Other lines than the stuck file's: a file that starts like an open one is taken for its copy.
            b.write(healthyLines(0, 10));
            await().atMost(TestAgents.WAIT).until(() -> daemon.countAnswered(500) >= 3);
            b.write(healthyLines(10, 20));
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 20);
            assertThat(daemon.accepted()).allSatisfy(batch -> assertThat(batch.path()).endsWith("healthy.log"));

            daemon.answer(Answer.ok());
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 70);
            assertThat(agent.stats().retries()).isGreaterThanOrEqualTo(3);
        }
    }

    private static String healthyLines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append("healthy ").append(LogFile.sequenceLine(i)).append('\n');
        }
        return text.toString();
    }

    static Path createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

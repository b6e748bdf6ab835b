package io.seismo.agent;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.config.RetryBackoff;
import io.seismo.agent.testing.Answer;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.ReceivedBatch;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetryTest {
    @TempDir
    Path dir;

    private FakeDaemon daemon;
    private Path log;

    @BeforeEach
    void setUp() throws Exception {
        daemon = FakeDaemon.start();
        log = dir.resolve("app.log");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    @Test
    void shouldBackOffWhileTheDaemonAnswers429AndDeliverEverythingOnceItRecovers() throws Exception {
        shouldDeliverEverythingOnceAfterAnOutageAnswering(Answer.status(429, 1));
    }

    @Test
    void shouldBackOffWhileTheDaemonAnswers503AndDeliverEverythingOnceItRecovers() throws Exception {
        shouldDeliverEverythingOnceAfterAnOutageAnswering(Answer.status(503, 1));
    }

    @Test
    void shouldBackOffWhileTheDaemonAnswers500AndDeliverEverythingOnceItRecovers() throws Exception {
        shouldDeliverEverythingOnceAfterAnOutageAnswering(Answer.status(500));
    }

    @Test
    void shouldKeepRetryingSlowlyWhileTheTokenIsRejected() throws Exception {
        shouldDeliverEverythingOnceAfterAnOutageAnswering(Answer.status(401));
    }

    @Test
    void shouldRetryWhileTheDaemonIsUnreachable() throws Exception {
        FakeDaemon unreachable = FakeDaemon.start();
        unreachable.close();          // its port is now closed: connections are refused
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(unreachable, dir.resolve("state"), log.toString(), "app").build())) {
            file.writeSequence(0, 5);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().retries() >= 3);
            assertThat(agent.stats().batchesAcked()).isZero();
            assertThat(agent.stats().ackedOffset(log)).isZero();
        }
    }

    @Test
    void shouldSplitABatchTheDaemonFindsTooLargeAndDropASingleLineItStillRefuses() throws Exception {
        daemon.answerWith(batch -> batch.lines().size() > 2
                || batch.lines().stream().anyMatch(l -> l.text().contains("poison")) ? Answer.status(413) : Answer.ok());
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app")
                     .batch(new BatchLimits(100, 64 * 1024, Duration.ofMillis(100))).build())) {
            file.write("l0\nl1\nl2\nl3\nl4\npoison\nl6\nl7\n");
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));

            assertThat(daemon.acceptedTexts()).containsExactly("l0", "l1", "l2", "l3", "l4", "l6", "l7");
            assertThat(daemon.countAnswered(413)).isGreaterThanOrEqualTo(2);
            assertThat(agent.stats().linesDropped()).isEqualTo(1);
            for (ReceivedBatch batch : daemon.accepted()) {
                long first = Long.parseLong(batch.header("Seismo-First-Offset"));
                assertThat(first).isEqualTo(batch.lines().get(0).offset());
            }
        }
    }

    private void shouldDeliverEverythingOnceAfterAnOutageAnswering(Answer outage) throws Exception {
        daemon.answer(outage);
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app")
                     .retry(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(300))).build())) {
            file.writeSequence(0, 250);
            await().atMost(TestAgents.WAIT).until(() -> daemon.countAnswered(outage.status()) >= 2);
            assertThat(daemon.accepted()).isEmpty();
            assertThat(agent.stats().ackedOffset(log)).isZero();
            assertThat(agent.stats().retries()).isGreaterThanOrEqualTo(2);

            daemon.answer(Answer.ok());
            file.writeSequence(250, 300);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            List<String> expected = IntStream.range(0, 300).mapToObj(LogFile::sequenceLine).toList();
            assertThat(daemon.acceptedTexts()).containsExactlyElementsOf(expected);
        }
    }
}

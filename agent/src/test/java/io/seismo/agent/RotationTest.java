package io.seismo.agent;

import io.seismo.agent.testing.Answer;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.ReceivedBatch;
import io.seismo.agent.testing.ReceivedLine;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RotationTest {
    private static final int ROUNDS = 4;
    private static final int LINES_PER_STEP = 60;

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
    void shouldShipEveryLineOnceWhenRotatedByRenameWhileWriting() throws IOException {
        Path log = dir.resolve("app.log");
        int next = 0;
        // Only app.log is watched: a renamed file is followed through the handle already open, to its end.
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app").build())) {
            for (int round = 0; round < ROUNDS; round++) {
                next = writeWhileAgentReads(file, next);
                Files.move(log, dir.resolve("app.log." + round));
                file.writeSequence(next, next + 20);        // the writer has not reopened yet
                next += 20;
                file.reopen();
            }
            file.writeSequence(next, next + LINES_PER_STEP);
            next += LINES_PER_STEP;
            int total = next;
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= total);
            assertEachSequenceLineExactlyOnce(total);
            assertThat(agent.stats().linesRead()).isEqualTo(total);
        }
    }

    @Test
    void shouldShipEveryLineOnceWhenRotatedByCopytruncateWhileWriting() throws IOException {
        Path log = dir.resolve("app.log");
        int next = 0;
        // The copies match the glob, so lines the agent had not read before the truncate are read from the copy.
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), dir + "/app.log*", "app").build())) {
            for (int round = 0; round < ROUNDS; round++) {
                next = writeWhileAgentReads(file, next);
                Files.copy(log, dir.resolve("app.log." + round));
                file.truncate();
            }
            file.writeSequence(next, next + LINES_PER_STEP);
            next += LINES_PER_STEP;
            int total = next;
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= total);
            assertEachSequenceLineExactlyOnce(total);
            assertThat(agent.stats().linesRead()).isEqualTo(total);
        }
    }

    @Test
    void shouldShipEveryLineOnceThroughManyQuickRotationsWhileTheDaemonFlaps() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        daemon.answerWith(batch -> requests.incrementAndGet() % 3 == 0 ? Answer.status(500) : Answer.ok());
        Path log = dir.resolve("app.log");
        int next = 0;
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), dir + "/app.log*", "app").build())) {
            for (int round = 0; round < 30; round++) {
                for (int step = 0; step < 10; step++) {
                    file.writeSequence(next, next + 7);
                    next += 7;
                    LockSupport.parkNanos(1_000_000);        // paces the writer like a busy service; nothing waits on it
                }
                if (round % 2 == 0) {
                    Files.copy(log, dir.resolve("app.log." + round));
                    file.truncate();
                } else {
                    Files.move(log, dir.resolve("app.log." + round));
                    file.reopen();
                }
            }
            int total = next;
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= total);
            assertEachSequenceLineExactlyOnce(total);
            assertThat(agent.stats().retries()).isPositive();
        }
    }

    @Test
    void shouldRestartAtZeroWhenFileIsTruncated() {
        Path log = dir.resolve("app.log");
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app").build())) {
            file.write("first one\nfirst two\nfirst three\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 3);
            String before = daemon.accepted().get(0).header("Seismo-Source");

            file.truncate();
            file.write("second\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 4);

            ReceivedLine restarted = daemon.acceptedLines().get(3);
            assertThat(restarted.text()).isEqualTo("second");
            assertThat(restarted.offset()).isZero();
            assertThat(restarted.source()).isNotEqualTo(before);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == "second\n".length());
        }
    }

    @Test
    void shouldRestartAtZeroWhenFileIsTruncatedAndRefilledPastTheOldSize() {
        Path log = dir.resolve("app.log");
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app").build())) {
            file.write("old\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 1);

            // Truncated and rewritten longer between two polls: only the changed first bytes tell.
            file.truncate();
            file.write("new content, longer than the old\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 2);

            assertThat(daemon.acceptedLines().get(1).offset()).isZero();
            assertThat(daemon.acceptedLines().get(1).text()).isEqualTo("new content, longer than the old");
            assertThat(agent.stats().linesRead()).isEqualTo(2);
        }
    }

    /** Writes two steps of lines, the first of which the agent is seen shipping, so rotation hits mid-tail. */
    private int writeWhileAgentReads(LogFile file, int next) {
        file.writeSequence(next, next + LINES_PER_STEP);
        String firstOfStep = LogFile.sequenceLine(next);
        await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedTexts().contains(firstOfStep));
        file.writeSequence(next + LINES_PER_STEP, next + 2 * LINES_PER_STEP);
        return next + 2 * LINES_PER_STEP;
    }

    private void assertEachSequenceLineExactlyOnce(int total) {
        Map<String, Long> counts = daemon.acceptedTexts().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> expected = IntStream.range(0, total).mapToObj(LogFile::sequenceLine).toList();
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counts).allSatisfy((line, n) -> assertThat(n).as(line).isEqualTo(1L));
        for (ReceivedBatch batch : daemon.accepted()) {
            List<ReceivedLine> lines = batch.lines();
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i).offset()).isGreaterThan(lines.get(i - 1).offset());
            }
        }
    }
}

package io.seismo.agent;

import io.seismo.agent.checkpoint.CheckpointEntry;
import io.seismo.agent.checkpoint.CheckpointStore;
import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.testing.Answer;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.ReceivedLine;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

class RestartTest {
    @TempDir
    Path dir;

    private FakeDaemon daemon;
    private Path log;
    private AgentConfig config;

    @BeforeEach
    void setUp() throws Exception {
        daemon = FakeDaemon.start();
        log = dir.resolve("app.log");
        config = TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app").build();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    @Test
    void shouldResumeFromTheAcknowledgedOffsetAfterARestart() throws IOException {
        try (LogFile file = new LogFile(log)) {
            file.writeSequence(0, 3);
            try (Agent agent = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            }
            long acked = Files.size(log);
            assertThat(checkpoint()).singleElement().satisfies(entry -> {
                assertThat(entry.ackedOffset()).isEqualTo(acked);
                assertThat(entry.path()).isEqualTo(log.toString());
            });
            file.writeSequence(3, 5);        // written while the agent is down

            try (Agent agent = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= 5);
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            }
            List<ReceivedLine> lines = daemon.acceptedLines();
            assertThat(lines).extracting(ReceivedLine::text)
                    .containsExactly(LogFile.sequenceLine(0), LogFile.sequenceLine(1), LogFile.sequenceLine(2),
                            LogFile.sequenceLine(3), LogFile.sequenceLine(4));
            assertThat(lines.get(3).offset()).isEqualTo(acked);
            assertThat(lines).extracting(ReceivedLine::source).containsOnly(lines.get(0).source());
        }
    }

    @Test
    void shouldSendUnacknowledgedLinesAgainAfterARestart() throws IOException {
        try (LogFile file = new LogFile(log)) {
            file.writeSequence(0, 3);
            long acked;
            try (Agent agent = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
                acked = Files.size(log);
                daemon.answer(Answer.status(500));
                file.writeSequence(3, 5);
                await().atMost(TestAgents.WAIT).until(() -> daemon.countAnswered(500) >= 2);
            }
            assertThat(checkpoint()).singleElement().extracting(CheckpointEntry::ackedOffset).isEqualTo(acked);

            daemon.answer(Answer.ok());
            try (Agent agent = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            }
            List<ReceivedLine> lines = daemon.acceptedLines();
            assertThat(lines).extracting(ReceivedLine::text)
                    .containsExactly(LogFile.sequenceLine(0), LogFile.sequenceLine(1), LogFile.sequenceLine(2),
                            LogFile.sequenceLine(3), LogFile.sequenceLine(4));
            assertThat(lines.get(3).offset()).isEqualTo(acked);
        }
    }

    @Test
    void shouldStopPromptlyWhenTheDaemonNeverAnswersAndSendThoseLinesAgainAfterARestart() throws IOException {
        daemon.answer(Answer.never());
        try (LogFile file = new LogFile(log)) {
            file.writeSequence(0, 3);
            Agent agent = Agent.start(config);
            await().atMost(TestAgents.WAIT).until(() -> daemon.requests().size() == 1);
            assertTimeoutPreemptively(Duration.ofSeconds(20), agent::close);
            assertThat(agent.stats().inFlightBatches()).isEqualTo(1);
            assertThat(checkpoint()).singleElement().extracting(CheckpointEntry::ackedOffset).isEqualTo(0L);

            daemon.answer(Answer.ok());
            try (Agent again = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> again.stats().ackedOffset(log) == Files.size(log));
            }
            assertThat(daemon.acceptedLines()).extracting(ReceivedLine::offset).first().isEqualTo(0L);
            assertThat(daemon.acceptedLines()).hasSize(3);
        }
    }

    @Test
    void shouldStartOverWhenTheFileWasReplacedWhileTheAgentWasDown() throws IOException {
        try (LogFile file = new LogFile(log)) {
            file.write("before one\nbefore two\n");
            try (Agent agent = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            }
            file.truncate();
            file.write("after the restart, a longer first line\n");
            try (Agent agent = Agent.start(config)) {
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            }
            assertThat(daemon.acceptedLines()).hasSize(3);
            ReceivedLine fresh = daemon.acceptedLines().get(2);
            assertThat(fresh.offset()).isZero();
            assertThat(fresh.text()).isEqualTo("after the restart, a longer first line");
        }
    }

    @Test
    void shouldForgetFilesThatAreGoneAfterForgetAfter() throws IOException {
        Path other = dir.resolve("other.log");
        AgentConfig forgetful = TestAgents.config(daemon, dir.resolve("state"), dir + "/*.log", "app")
                .forgetAfter(Duration.ofMillis(1)).closeInactive(Duration.ofMillis(1)).build();
        try (LogFile file = new LogFile(log); LogFile gone = new LogFile(other);
             Agent agent = Agent.start(forgetful)) {
            gone.write("short-lived\n");
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(other) == Files.size(other));
            Files.delete(other);
            file.write("keeps the checkpoint moving\n");
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == Files.size(log));
            file.write("and again\n");
            await().atMost(TestAgents.WAIT).until(() -> checkpoint().size() == 1);
            assertThat(checkpoint()).singleElement().extracting(CheckpointEntry::path).isEqualTo(log.toString());
        }
    }

    @Test
    void shouldRefuseToShareAStateFolderWithARunningAgent() {
        try (Agent first = Agent.start(config)) {
            assertThat(first.stats().polls()).isGreaterThanOrEqualTo(0);
            assertThatThrownBy(() -> Agent.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another agent");
        }
    }

    private List<CheckpointEntry> checkpoint() throws IOException {
        return new CheckpointStore(config.stateDir()).load().entries();
    }
}

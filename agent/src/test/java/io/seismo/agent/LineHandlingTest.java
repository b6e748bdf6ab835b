package io.seismo.agent;

import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.ReceivedLine;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LineHandlingTest {
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
    void shouldTruncateALongLineFlagItAndCountIt() {
        Path log = dir.resolve("app.log");
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app")
                     .maxLineBytes(100).build())) {
            file.write("x".repeat(1000) + "\nafter\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 2);

            ReceivedLine cut = daemon.acceptedLines().get(0);
            assertThat(cut.text()).isEqualTo("x".repeat(100));
            assertThat(cut.truncated()).isTrue();
            ReceivedLine after = daemon.acceptedLines().get(1);
            assertThat(after.offset()).isEqualTo(1001);
            assertThat(after.text()).isEqualTo("after");
            assertThat(after.truncated()).isFalse();
            assertThat(agent.stats().linesTruncated()).isEqualTo(1);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == 1007);
        }
    }

    @Test
    void shouldSendAPartialLastLineOnlyAfterItsNewline() {
        Path log = dir.resolve("app.log");
        try (LogFile file = new LogFile(log);
             Agent agent = Agent.start(TestAgents.config(daemon, dir.resolve("state"), log.toString(), "app").build())) {
            file.write("complete\npart");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 1);
            long polls = agent.stats().polls();
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().polls() >= polls + 3);
            assertThat(daemon.acceptedTexts()).containsExactly("complete");
            assertThat(agent.stats().ackedOffset(log)).isEqualTo(9);

            file.write("ial line\n");
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() == 2);
            assertThat(daemon.acceptedLines().get(1).text()).isEqualTo("partial line");
            assertThat(daemon.acceptedLines().get(1).offset()).isEqualTo(9);
        }
    }

    @Test
    void shouldSendALineLeftPartialAtShutdownExactlyOnceAfterARestart() {
        Path log = dir.resolve("app.log");
        Path state = dir.resolve("state");
        try (LogFile file = new LogFile(log)) {
            try (Agent agent = Agent.start(TestAgents.config(daemon, state, log.toString(), "app").build())) {
                file.write("complete\npart");
                await().atMost(TestAgents.WAIT).until(() -> agent.stats().ackedOffset(log) == 9);
            }
            file.write("ial line\n");
            try (Agent restarted = Agent.start(TestAgents.config(daemon, state, log.toString(), "app").build())) {
                await().atMost(TestAgents.WAIT).until(() -> restarted.stats().ackedOffset(log) == 22);
            }
        }

        assertThat(daemon.acceptedTexts()).containsExactly("complete", "partial line");
        assertThat(daemon.acceptedLines().get(1).offset()).isEqualTo(9);
    }
}

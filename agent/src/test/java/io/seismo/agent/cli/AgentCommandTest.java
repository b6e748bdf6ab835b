package io.seismo.agent.cli;

import io.seismo.agent.checkpoint.CheckpointStore;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.LogFile;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgentCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldExitWithCode2AndNameTheKeyOfABadValue() throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "daemon: { url: 'http://127.0.0.1:1/v1/ingest', token: t }\n"
                + "pollInterval: often\n"
                + "inputs: [ { paths: [/tmp/none/*.log], service: x } ]\n");
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AgentCommand()).setErr(new PrintWriter(err, true));

        int exit = command.execute("--config", config.toString());

        assertThat(exit).isEqualTo(AgentCommand.EXIT_BAD_CONFIG);
        assertThat(err.toString()).contains("pollInterval: 'often' is not a duration");
    }

    @Test
    void shouldTailAndShipUntilStoppedThenSaveTheAcknowledgedOffsets() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(); LogFile log = new LogFile(dir.resolve("app.log"))) {
            Path config = dir.resolve("agent.yaml");
            Files.writeString(config, "agentId: cli-agent\n"
                    + "daemon: { url: '" + daemon.url() + "', token: " + FakeDaemon.TOKEN + " }\n"
                    + "stateDir: state\n"
                    + "pollInterval: 20ms\n"
                    + "batch: { linger: 20ms }\n"
                    + "inputs: [ { paths: ['*.log'], service: app } ]\n");
            log.write("hello from the cli\n");
            ExecutorService runner = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = runner.submit(() -> new CommandLine(new AgentCommand()).execute("-c", config.toString()));
                await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedTexts().contains("hello from the cli"));
                assertThat(daemon.accepted().get(0).header("Seismo-Agent")).isEqualTo("cli-agent");

                exit.cancel(true);
                runner.shutdown();
                assertThat(runner.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                runner.shutdownNow();
            }
            assertThat(new CheckpointStore(dir.resolve("state")).load().entries())
                    .singleElement().satisfies(e -> assertThat(e.ackedOffset()).isEqualTo(19));
        }
    }
}

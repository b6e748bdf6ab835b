package io.seismo.tests.packaging;

import io.seismo.agent.config.AgentConfigLoader;
import io.seismo.tests.harness.FreePort;
import io.seismo.tests.harness.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tarball as a user gets it: unpack, add a token, run {@code bin/seismo}. */
class TarballTest {
    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        Command.untar(BuiltArtifacts.tarball(), unpacked);
        try (var dirs = Files.list(unpacked)) {
            home = dirs.findFirst().orElseThrow();
        }
        // The one step the shipped seismo.yaml asks of the user: a token of their own.
        Files.writeString(home.resolve("etc/ingest.token"), "tarball-test-token\n", StandardCharsets.UTF_8);
    }

    @Test
    void shouldHoldTheDocumentedLayout() {
        assertThat(home.getFileName().toString()).matches("seismo-\\d+\\.\\d+\\.\\d+.*");
        assertThat(home.resolve("bin/seismo")).isExecutable();
        assertThat(home.resolve("lib/seismo-dist.jar")).isRegularFile();
        assertThat(home.resolve("etc/seismo.yaml")).isRegularFile();
        assertThat(home.resolve("etc/agent.yaml")).isRegularFile();
        assertThat(home.resolve("etc/default/seismo")).isRegularFile();
        assertThat(home.resolve("etc/rules/threshold.groovy")).isRegularFile();
        assertThat(home.resolve("systemd/seismo.service")).isRegularFile();
        assertThat(home.resolve("systemd/seismo-agent.service")).isRegularFile();
        assertThat(home.resolve("dashboards")).isDirectory();
    }

    @Test
    void shouldPassItsOwnConfigCheck() throws IOException, InterruptedException {
        Command check = seismo("config", "check", "etc/seismo.yaml", "etc/agent.yaml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.lines()).contains("etc/seismo.yaml: OK", "etc/agent.yaml: OK");
    }

    @Test
    void shouldShowTheAgentsOwnDefaultsWhereTheShippedAgentYamlSaysItDoes() throws IOException {
        Path shipped = home.resolve("etc/agent.yaml");
        List<String> lines = Files.readAllLines(shipped, StandardCharsets.UTF_8);
        int block = lines.indexOf("# Defaults, shown for reference:");
        assertThat(block).as("the shipped agent.yaml shows its defaults").isNotNegative();
        List<String> withDefaultsSpelledOut = new ArrayList<>(lines);
        int shown = 0;
        for (int i = block + 1; i < lines.size() && lines.get(i).matches("# \\w+:.*"); i++, shown++) {
            withDefaultsSpelledOut.set(i, lines.get(i).substring(2));
        }
        Path spelledOut = home.resolve("etc/agent-defaults-spelled-out.yaml");
        Files.write(spelledOut, withDefaultsSpelledOut, StandardCharsets.UTF_8);

        AgentConfigLoader loader = new AgentConfigLoader(Map.of());
        assertThat(shown).as("default lines under the heading").isGreaterThanOrEqualTo(5);
        assertThat(loader.load(spelledOut)).isEqualTo(loader.load(shipped));
    }

    @Test
    void shouldStartTheDaemonWithTheShippedConfigAndTurnReady() throws IOException, InterruptedException {
        int port = FreePort.pick();
        Path log = home.resolve("daemon.out");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/seismo").toString(), "daemon",
                "--config", "etc/seismo.yaml", "--port", Integer.toString(port))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Command.javaHome());
        Process daemon = builder.start();
        try {
            HttpProbe probe = new HttpProbe(port);
            await("daemon from the tarball ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .failFast("daemon exited: " + log, () -> !daemon.isAlive())
                    .until(probe::ready);
            assertThat(home.resolve("var/seismo")).as("dataDir ../var/seismo beside etc/").isDirectory();
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldNameTheBadKeyAndExitNonZero() throws IOException, InterruptedException {
        String shipped = Files.readString(home.resolve("etc/seismo.yaml"), StandardCharsets.UTF_8);
        Files.writeString(home.resolve("etc/typo.yaml"), shipped + "alertng: { groupWait: 1s }\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("etc/badvalue.yaml"),
                shipped.replace("groupWait: 1s", "groupWait: soon"), StandardCharsets.UTF_8);

        Command typo = seismo("config", "check", "etc/typo.yaml");
        Command badValue = seismo("config", "check", "etc/badvalue.yaml");
        Command daemon = seismo("daemon", "--config", "etc/badvalue.yaml");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.output()).contains("etc/typo.yaml: alertng: unknown key");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.output()).contains("etc/badvalue.yaml: alerting.groupWait: 'soon' is not a duration");
        assertThat(daemon.exitCode()).isEqualTo(2);
        assertThat(daemon.output()).contains("alerting.groupWait: 'soon' is not a duration");
    }

    private static Command seismo(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = home.resolve("bin/seismo").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Command.run(home, Command.javaHome(), command);
    }
}

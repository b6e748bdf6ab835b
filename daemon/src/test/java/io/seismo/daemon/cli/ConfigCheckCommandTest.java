package io.seismo.daemon.cli;

import io.seismo.daemon.config.DaemonConfigCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCheckCommandTest {
    private static final String GOOD_DAEMON = "listen: { host: 127.0.0.1, port: 7070 }\n"
            + "auth: { tokens: [ s3cr3t-token ] }\n"
            + "rulesDir: rules\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Path> agentChecked = new ArrayList<>();

    private ConfigCheckCommand command() {
        return new ConfigCheckCommand(new DaemonConfigCheck(Map.of()),
                file -> {
                    agentChecked.add(file);
                    return List.of("inputs: must list at least one input (paths and service)");
                },
                new PrintWriter(out), new PrintWriter(err));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldPrintOkAndExitZeroForAGoodDaemonConfig() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path config = write("seismo.yaml", GOOD_DAEMON);

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(config + ": OK" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldNameTheBadKeyAndExitTwo() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path config = write("seismo.yaml", GOOD_DAEMON + "alerting: { groupWait: soon }\n");

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(exit).isEqualTo(ConfigCheckCommand.EXIT_BAD_CONFIG);
        assertThat(err.toString()).startsWith(config + ": alerting.groupWait: 'soon' is not a duration");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRejectARegexWithoutNamedGroupsThatTheLoaderAccepts() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path config = write("seismo.yaml", GOOD_DAEMON
                + "sources:\n  - { service: web, format: json }\n  - { service: db, format: regex, pattern: '^(.*)$' }\n");

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(config + ": sources[1]: ");
    }

    @Test
    void shouldReportAnUnknownSinkType() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path config = write("seismo.yaml", GOOD_DAEMON + "sinks:\n  - { name: pager, type: carrier-pigeon }\n");

        command().check(List.of(config), Optional.empty());

        assertThat(err.toString()).contains("sinks[0].type: 'carrier-pigeon' is not a known sink type (known: ");
    }

    @Test
    void shouldReportATemplateWithAnUnknownPlaceholder() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path config = write("seismo.yaml", GOOD_DAEMON
                + "sinks:\n  - { name: console, type: stdout, template: { title: '{{ hostname }}' } }\n");

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("sinks[0].template: ").contains("{{ hostname }}");
    }

    @Test
    void shouldReportRuleFilesThatDoNotCompileWithTheirPath() throws IOException {
        Path rule = write("rules/broken.groovy", "threshold('x') {\n    fireWhen { count >= }\n}\n");
        Path config = write("seismo.yaml", GOOD_DAEMON);

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(config + ": " + rule + ":2:");
    }

    @Test
    void shouldReportAMissingRulesDirectory() throws IOException {
        Path config = write("seismo.yaml", GOOD_DAEMON);

        command().check(List.of(config), Optional.empty());

        assertThat(err.toString()).contains("rulesDir: " + dir.resolve("rules") + " is not a directory");
    }

    @Test
    void shouldNeverPrintTheTokenOfABadConfig() throws IOException {
        Path config = write("seismo.yaml", GOOD_DAEMON + "listen: { port: 99999 }\n");

        command().check(List.of(config), Optional.empty());

        assertThat(out + err.toString()).doesNotContain("s3cr3t-token");
    }

    @Test
    void shouldHandAgentConfigsToTheAgentCheck() throws IOException {
        Path config = write("agent.yaml", "daemon: { url: \"http://127.0.0.1:7070/v1/ingest\", token: t }\n");

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(agentChecked).containsExactly(config);
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(config + ": inputs: must list at least one input");
    }

    @Test
    void shouldFollowTheKindItIsGivenOverTheKeys() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path config = write("seismo.yaml", GOOD_DAEMON);

        command().check(List.of(config), Optional.of(ConfigCheckCommand.Kind.AGENT));

        assertThat(agentChecked).containsExactly(config);
    }

    @Test
    void shouldAskForTheKindWhenNoKeyTellsIt() throws IOException {
        Path config = write("mystery.yaml", "colour: blue\n");

        int exit = command().check(List.of(config), Optional.empty());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("pass --daemon or --agent");
    }

    @Test
    void shouldCheckEveryFileEvenAfterABadOne() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Path missing = dir.resolve("absent.yaml");
        Path good = write("seismo.yaml", GOOD_DAEMON);

        int exit = command().check(List.of(missing, good), Optional.empty());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(missing + ": cannot be read");
        assertThat(out.toString()).contains(good + ": OK");
    }
}

package io.seismo.tests.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The systemd units as the tarball ships them (the .deb holds the same files). */
class SystemdUnitsTest {
    private static final String LAUNCHER = "/usr/bin/seismo";

    @TempDir
    static Path unpacked;

    private static Path units;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        Command.untar(BuiltArtifacts.tarball(), unpacked);
        try (var dirs = Files.list(unpacked)) {
            units = dirs.findFirst().orElseThrow().resolve("systemd");
        }
    }

    @Test
    void shouldPassSystemdAnalyzeVerify() throws IOException, InterruptedException {
        assumeTrue(Command.available("systemd-analyze"), "systemd-analyze is not installed (apt-get install systemd); skipping");

        Command verify = Command.run(units, Map.of(), "systemd-analyze", "verify", "--man=no",
                "./seismo.service", "./seismo-agent.service");

        // Only the package installs the launcher; on a build host its absence is the one expected finding.
        List<String> findings = verify.lines().stream()
                .filter(line -> !line.isBlank())
                .filter(line -> Files.isExecutable(Path.of(LAUNCHER))
                        || !line.endsWith("Command " + LAUNCHER + " is not executable: No such file or directory"))
                .toList();
        assertThat(findings).as("systemd-analyze verify said:\n%s", verify.output()).isEmpty();
    }

    @Test
    void shouldRunTheDaemonHardenedAsItsOwnUser() throws IOException {
        String unit = Files.readString(units.resolve("seismo.service"), StandardCharsets.UTF_8);

        assertThat(unit.lines()).contains("User=seismo", "StateDirectory=seismo", "LogsDirectory=seismo",
                "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes", "PrivateTmp=yes",
                "CapabilityBoundingSet=", "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure",
                "LimitNOFILE=65536", "EnvironmentFile=-/etc/default/seismo",
                "ExecStart=/usr/bin/seismo daemon --config /etc/seismo/seismo.yaml");
    }

    @Test
    void shouldLetTheAgentReadLogsButWriteOnlyItsState() throws IOException {
        String unit = Files.readString(units.resolve("seismo-agent.service"), StandardCharsets.UTF_8);

        assertThat(unit.lines()).contains("User=seismo-agent", "SupplementaryGroups=adm seismo",
                "ReadOnlyPaths=/var/log", "StateDirectory=seismo-agent", "ProtectSystem=strict", "ProtectHome=yes",
                "NoNewPrivileges=yes", "PrivateTmp=yes", "CapabilityBoundingSet=", "Restart=on-failure",
                "ExecReload=/bin/kill -HUP $MAINPID", "EnvironmentFile=-/etc/default/seismo");
        assertThat(unit).contains("/usr/bin/seismo agent --config /etc/seismo/agent.yaml");
    }
}

package io.seismo.daemon;

import io.seismo.daemon.config.DaemonConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routes and inhibit rules are read with Alertmanager's matcher syntax when the daemon starts. */
class DaemonRoutingConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldStartWithRoutesAndInhibitRulesWrittenAsInAlertmanager() throws Exception {
        try (Daemon daemon = start("""
                  receivers:
                    - { name: everyone, sinks: [console] }
                    - { name: pager, sinks: [console] }
                  route:
                    receiver: everyone
                    routes:
                      - { matchers: ['severity="critical"', 'service=~"pay.*"'], receiver: pager, continue: true }
                  inhibitRules:
                    - { sourceMatchers: ['alertname="service-cascade"'], targetMatchers: ['severity!="critical"'], equal: [service] }
                """)) {
            assertThat(daemon.port()).isPositive();
        }
    }

    @Test
    void shouldRefuseToStartOnABadMatcherNamingIt() {
        assertThatThrownBy(() -> start("""
                  route:
                    receiver: everyone
                    routes:
                      - { matchers: ['severity=="critical"'], receiver: everyone }
                  receivers:
                    - { name: everyone, sinks: [console] }
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity==\"critical\"");
    }

    private Daemon start(String alerting) throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        Path config = dir.resolve("seismo.yaml");
        Files.writeString(config, """
                listen: { host: 127.0.0.1, port: 0 }
                auth: { tokens: [ t0ken ] }
                dataDir: data
                rulesDir: rules
                rulesWatchInterval: 0s
                sinks: [ { name: console, type: stdout } ]
                alerting:
                """ + alerting, StandardCharsets.UTF_8);
        return Daemon.start(() -> new DaemonConfigLoader(Map.of()).load(config));
    }
}

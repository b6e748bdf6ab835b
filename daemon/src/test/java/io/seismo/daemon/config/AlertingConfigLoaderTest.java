package io.seismo.daemon.config;

import io.seismo.daemon.route.RateLimit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertingConfigLoaderTest {
    private final DaemonConfigLoader loader = new DaemonConfigLoader(Map.of());
    private final Path base = Path.of("/etc/seismo");

    @Test
    void shouldReadEveryAlertingKey() {
        DaemonConfig config = loader.parse("""
                auth: { tokens: [ s3cret ] }
                alerting:
                  groupWait: 2s
                  repeatInterval: 1h
                  externalUrl: "http://seismo.example"
                  giveUpAfter: 6h
                  for: 30s
                  resolveAfter: 1m
                  sendResolvedWhenMuted: true
                """, base);

        assertThat(config.alerting()).isEqualTo(new AlertingConfig(Duration.ofSeconds(2), Duration.ofHours(1),
                Duration.ofHours(6), Duration.ofSeconds(30), Duration.ofMinutes(1), true, List.of("..."), Duration.ZERO,
                null, List.of(), List.of()));
        assertThat(config.externalUrl()).isEqualTo("http://seismo.example");
        assertThat(config.groupWait()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldReadRoutesReceiversAndInhibitRules() {
        DaemonConfig config = loader.parse("""
                auth: { tokens: [ s3cret ] }
                sinks:
                  - { name: slack, type: stdout }
                  - { name: pager, type: stdout }
                alerting:
                  groupBy: [alertname, service]
                  groupInterval: 5m
                  receivers:
                    - { name: oncall, sinks: [slack, pager], rateLimit: 10/1m }
                  route:
                    receiver: slack
                    routes:
                      - matchers: ['severity="critical"']
                        receiver: oncall
                        groupWait: 0s
                        continue: true
                        routes:
                          - { matchers: ['service="db"'], groupBy: [service] }
                  inhibitRules:
                    - sourceMatchers: ['seismo_kind="cascade"']
                      targetMatchers: ['severity="warning"']
                      equal: [team]
                """, base);

        AlertingConfig alerting = config.alerting();
        assertThat(alerting.groupBy()).containsExactly("alertname", "service");
        assertThat(alerting.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(alerting.receivers()).containsExactly(
                new ReceiverConfig("oncall", List.of("slack", "pager"), new RateLimit(10, Duration.ofMinutes(1))));
        RouteConfig critical = alerting.route().routes().get(0);
        assertThat(alerting.route().receiver()).isEqualTo("slack");
        assertThat(critical).isEqualTo(new RouteConfig("oncall", List.of("severity=\"critical\""), null,
                Duration.ZERO, null, null, true, List.of(new RouteConfig(null, List.of("service=\"db\""),
                List.of("service"), null, null, null, false, List.of()))));
        assertThat(alerting.inhibitRules()).containsExactly(new InhibitRuleConfig(List.of("seismo_kind=\"cascade\""),
                List.of("severity=\"warning\""), List.of("team")));
    }

    @Test
    void shouldRefuseARouteToAnUnknownReceiverAndAReceiverOfAnUnknownSink() {
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\nalerting: { route: { receiver: nobody } }\n", base))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerting.route.receiver")
                .hasMessageContaining("'nobody'");
        assertThatThrownBy(() -> loader.parse("""
                auth: { tokens: [a] }
                alerting: { receivers: [ { name: r, sinks: [ghost] } ] }
                """, base)).isInstanceOf(ConfigException.class).hasMessageContaining("'ghost'");
        assertThatThrownBy(() -> loader.parse("""
                auth: { tokens: [a] }
                alerting: { receivers: [ { name: r, sinks: [stdout], rateLimit: lots } ] }
                """, base)).isInstanceOf(ConfigException.class).hasMessageContaining("rateLimit");
    }

    @Test
    void shouldUseTheDefaultsWithoutAnAlertingSection() {
        DaemonConfig config = loader.parse("auth: { tokens: [ s3cret ] }\n", base);

        assertThat(config.alerting()).isEqualTo(AlertingConfig.defaults());
        assertThat(config.alerting().giveUpAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shouldRefuseAZeroGiveUpAgeAndUnknownKeys() {
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\nalerting: { giveUpAfter: 0s }\n", base))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerting.giveUpAfter");
        assertThatThrownBy(() -> loader.parse("auth: { tokens: [a] }\nalerting: { resolveAfterr: 1m }\n", base))
                .isInstanceOf(ConfigException.class).hasMessageContaining("resolveAfterr");
    }
}

package io.seismo.tests;

import io.seismo.tests.harness.Cluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real daemon process and a real SIGHUP: rules change in place, and a bad rule file changes nothing. */
class ReloadEndToEndTest {
    private static final String RULE = """
            threshold('NAME') {
                window sliding(30.seconds, 1.second)
                fireWhen { errors >= 5 && errorRatio > 0.2 }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReloadRulesOnHangupAndKeepThemWhenANewRuleFileIsBroken() throws Exception {
        try (Cluster cluster = new Cluster(dir)) {
            cluster.writeRule("services.groovy", RULE.replace("NAME", "service-errors"));
            cluster.startDaemon("sinks: [ { type: stdout } ]\n");
            cluster.awaitDaemonReady();
            assertThat(ruleNames(cluster)).containsExactly("service-errors");

            cluster.writeRule("checkout.groovy", RULE.replace("NAME", "checkout-errors"));
            hangup(cluster);
            awaitOrExplain(cluster, "the added rule is listed",
                    () -> ruleNames(cluster).equals(List.of("checkout-errors", "service-errors")));
            assertThat(cluster.probe().metric("seismo_reloads_total")).isEqualTo(1);

            cluster.writeRule("broken.groovy", "threshold('broken' {\n");
            hangup(cluster);
            awaitOrExplain(cluster, "the failed reload is counted",
                    () -> cluster.probe().metric("seismo_reload_failures_total") == 1);
            assertThat(ruleNames(cluster)).containsExactly("checkout-errors", "service-errors");
            assertThat(cluster.probe().metric("seismo_reloads_total")).isEqualTo(1);
            assertThat(cluster.daemonOutput()).contains("broken.groovy:1:");
            assertThat(cluster.daemon().isAlive()).isTrue();
            assertThat(cluster.probe().ready()).isTrue();
        }
    }

    private static void hangup(Cluster cluster) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(cluster.daemon().pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -HUP returned").isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static void awaitOrExplain(Cluster cluster, String what, Callable<Boolean> condition) {
        try {
            await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .failFast("daemon exited", () -> !cluster.daemon().isAlive())
                    .until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + cluster.outputs(), e);
        }
    }

    private static List<String> ruleNames(Cluster cluster) throws IOException, InterruptedException {
        JsonArray rules = new JsonArray(cluster.probe().get("/v1/rules").body());
        return rules.stream().map(rule -> ((JsonObject) rule).getString("name")).sorted().toList();
    }
}

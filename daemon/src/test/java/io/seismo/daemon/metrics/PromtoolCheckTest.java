package io.seismo.daemon.metrics;

import io.seismo.sink.AlertStatus;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every metric family the daemon registers, with children in use, passes {@code promtool check metrics}. */
class PromtoolCheckTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void shouldPassPromtoolCheckMetricsWithEveryFamilyInUse() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed (Debian package prometheus); skipping the lint");
        DaemonMetrics metrics = new DaemonMetrics();
        metrics.agentIngest.accepted("web-1", 1, 10);
        metrics.serviceHealth.record("checkout", true);
        metrics.handlerLag.track("journal", () -> 5, () -> 4);
        metrics.parseFailures.inc("line does not match the pattern");
        metrics.ruleMetrics.evaluationSeconds("r").inc(0.001);
        metrics.ruleMetrics.evaluationErrors("r").inc();
        PrometheusAlertingMetrics alerting = new PrometheusAlertingMetrics(metrics);
        alerting.notificationsSent("hook", AlertStatus.FIRING);
        alerting.deliveryFailures("hook");
        alerting.deliverySeconds("hook", 0.01);
        metrics.gauge("seismo_ring_size", "Slots in the ring", () -> 1024);

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(Exposition.of(metrics.registry()).text().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.exitValue()).as("promtool check metrics said:\n%s", findings).isZero();
    }
}

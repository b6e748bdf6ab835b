package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code traces} rules count closed traces by what their summaries say; other rules never see summaries. */
class TracesRuleTest {
    private static final List<String> PATH = List.of("gateway", "checkout", "payments");
    private static final String RULES = """
            traces('payments-failing-traces') {
                where { errorServices.contains('payments') && edges.contains('checkout->payments') }
                window tumbling(1.minute)
                fireWhen { count >= 3 }
            }
            traces('slow-traces') {
                where { durationMillis > 500 && services.size() == 3 }
                by { firstError == null ? 'ok' : 'failed' }
                window tumbling(1.minute)
                fireWhen { count >= 1 }
            }
            threshold('errors') {
                where { level >= ERROR }
                window tumbling(1.minute)
                fireWhen { count >= 1 }
            }
            """;

    @Test
    void shouldCountClosedTracesByTheirServicesEdgesErrorsAndDuration() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(RULES), EngineOptions.defaults()
                .withAllowedLatenessNanos(Duration.ofSeconds(1).toNanos())
                .withTraceGapNanos(Duration.ofSeconds(2).toNanos()));
        for (int trace = 0; trace < 10; trace++) {
            boolean paymentsFails = trace >= 3 && trace <= 6;
            double paymentsDelay = trace == 8 ? 0.9 : 0.2; // trace 8 takes 900 ms
            for (int depth = 0; depth < PATH.size(); depth++) {
                String service = PATH.get(depth);
                boolean fails = paymentsFails && service.equals("payments");
                double second = 1 + trace + (depth == 2 ? paymentsDelay : 0.1 * depth);
                driver.feed(SyntheticEvent.log(at(second), service, fails ? Level.ERROR : Level.INFO,
                                fails ? "card declined" : service + " ok")
                        .withTrace("trace-" + trace)
                        .withSpan("span-" + service + "-" + trace, depth == 0 ? null : "span-" + PATH.get(depth - 1) + "-" + trace));
            }
        }
        driver.feed(SyntheticEvent.log(at(200), "gateway", Level.INFO, "much later"));

        assertThat(driver.findings()).filteredOn(Finding::firing)
                .extracting(Finding::ruleName, Finding::key)
                .containsExactlyInAnyOrder(
                        tuple("payments-failing-traces", "gateway"), // keyed by the trace's first service
                        tuple("slow-traces", "ok"),
                        tuple("errors", "payments")); // only the log lines: no summary reaches a threshold rule
        Finding failing = driver.findings().stream()
                .filter(f -> f.ruleName().equals("payments-failing-traces") && f.firing()).findFirst().orElseThrow();
        assertThat(failing.values()).containsEntry("count", 4.0).containsEntry("errors", 4.0);
        assertThat(failing.evidence().sampleMessages()).contains("card declined");
        assertThat(failing.evidence().traceIds()).contains("trace-3");
    }
}

package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import org.junit.jupiter.api.Test;

/** Rules whose {@code where} names services are shown only those services' events, with the same findings. */
class EventRoutingTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String RULES = """
            threshold('payments-or-checkout') {
                where { level >= ERROR && (service == 'checkout' || service == 'payments') }
                window tumbling(10.seconds)
                fireWhen { count >= 3 }
            }
            threshold('search-only') {
                where { service in ['search'] }
                window tumbling(10.seconds)
                fireWhen { errors >= 3 }
            }
            threshold('anything') {
                where { level >= ERROR }
                window tumbling(10.seconds)
                fireWhen { count >= 3 }
            }
            """;

    @Test
    void shouldShowEachRuleTheServicesItsWhereNamesAndEveryRuleWithoutOneEverything() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(RULES), OPTIONS);
        for (int second = 1; second <= 3; second++) {
            for (String service : new String[] {"payments", "search", "gateway"}) {
                driver.feed(SyntheticEvent.log(at(second), service, Level.ERROR, service + " failed"));
            }
        }
        driver.feed(SyntheticEvent.log(at(25), "gateway", Level.INFO, "later"));

        assertThat(driver.findings()).filteredOn(Finding::firing)
                .extracting(Finding::ruleName, Finding::key)
                .containsExactlyInAnyOrder(
                        tuple("payments-or-checkout", "payments"),
                        tuple("search-only", "search"),
                        tuple("anything", "payments"),
                        tuple("anything", "search"),
                        tuple("anything", "gateway"))
                .doesNotContain(tuple("payments-or-checkout", "search"), tuple("search-only", "payments"));
    }
}

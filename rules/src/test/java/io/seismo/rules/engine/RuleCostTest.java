package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Level;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleCostTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldChargeEachRuleTheTimeOfTheEventsItIsShownAndItsErrors() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                threshold('busy') {
                    where { service == 'a' }
                    window tumbling(1.hour)
                    fireWhen { count >= 1000000 }
                }
                threshold('idle') {
                    where { service == 'b' }
                    window tumbling(1.hour)
                    fireWhen { count >= 1 }
                }
                threshold('broken') {
                    where { service == 'a' && message.substring(100) == 'x' }
                    window tumbling(1.hour)
                    fireWhen { count >= 1 }
                }
                """), EngineOptions.defaults().withAllowedLatenessNanos(SECOND).withIdleTimeoutNanos(3 * SECOND));
        for (int i = 0; i < 5_000; i++) {
            driver.feed(SyntheticEvent.log(at(1), "a", Level.INFO, "short"));
        }

        Map<String, RuleCost> costs = driver.engine().ruleCosts().stream()
                .collect(Collectors.toMap(RuleCost::rule, cost -> cost));

        assertThat(costs.get("busy").nanos()).isPositive();
        assertThat(costs.get("busy").errors()).isZero();
        assertThat(costs.get("idle").nanos()).as("never shown an event, no window ended").isZero();
        assertThat(costs.get("broken").errors()).as("switched off after 1,000 failures in a row").isEqualTo(1_000);
    }
}

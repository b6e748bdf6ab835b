package io.seismo.rules.dsl;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seismo.rules.RuleText;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Level orderings are compiled to ordinal comparisons; they must mean exactly what the enum's order says. */
class LevelComparisonTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldOrderLevelsAsTheEnumDoesOnEitherSideOfEveryOperator() {
        assertThat(firingServices("level > INFO && level <= ERROR")).containsExactlyInAnyOrder("WARN", "ERROR");
        assertThat(firingServices("WARN < level")).containsExactlyInAnyOrder("ERROR", "FATAL");
        assertThat(firingServices("level >= FATAL || DEBUG >= level"))
                .containsExactlyInAnyOrder("UNKNOWN", "TRACE", "DEBUG", "FATAL");
    }

    @Test
    void shouldRejectAtLoadTimeAnOrderingOfALevelAgainstSomethingElse() {
        assertThatThrownBy(() -> RuleText.compile("""
                threshold('odd') {
                    where { message >= ERROR }
                    fireWhen { count >= 1 }
                }
                """)).hasMessageContaining("ordinal");
    }

    /** Which services (one per level, named after it) a threshold with this where fires for. */
    private static List<String> firingServices(String where) {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile("""
                threshold('levels') {
                    where { %s }
                    window tumbling(10.seconds)
                    fireWhen { count >= 1 }
                }
                """.formatted(where)), EngineOptions.defaults().withAllowedLatenessNanos(SECOND).withIdleTimeoutNanos(3 * SECOND));
        for (Level level : Level.values()) {
            driver.feed(SyntheticEvent.log(at(1), level.name(), level, "a " + level + " line"));
        }
        driver.feed(SyntheticEvent.log(at(25), "later", Level.UNKNOWN, "moves the watermark on"));
        return driver.findings().stream().filter(Finding::firing).map(Finding::key).toList();
    }
}

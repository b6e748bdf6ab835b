package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.SyntheticEvent;
import io.seismo.rules.testing.VirtualTimeDriver;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceDetectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withAllowedLatenessNanos(SECOND)
            .withIdleTimeoutNanos(3 * SECOND);

    private static final String TRAVEL = """
            sequence('travel') {
                where { message == 'card authorised' }
                by { attr('card') }
                first { attr('country') != null }
                then { attr('country') != null }
                within 20.seconds
                window tumbling(5.seconds)
                when { a, b -> a.attr('country') != b.attr('country') }
            }
            """;

    @Test
    void shouldReportASecondCountryWithinTheTimeForTheSameCard() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(TRAVEL), OPTIONS).feedAll(payments());

        // card-1: FR at 1 s, DE at 3 s: a match, fires at 5 s, resolves at 10 s.
        // card-2: FR at 2 s, FR at 4 s (same country), then US at 30 s: 26 s after the last FR, too far apart.
        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("card-1", true, at(5)), tuple("card-1", false, at(10)));
        Finding fired = driver.findings().get(0);
        assertThat(fired.labels()).isEqualTo(Map.of("alertname", "travel", "key", "card-1"));
        assertThat(fired.condition())
                .isEqualTo("{ attr('country') != null } then { attr('country') != null } within PT20S"
                        + " where a, b -> a.attr('country') != b.attr('country')");
        assertThat(fired.evidence().sampleMessages()).containsExactly("card authorised");
    }

    @Test
    void shouldPairASecondEventThatArrivesBeforeTheFirst() {
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(TRAVEL), OPTIONS);
        driver.feed(pay(6, "card-1", "DE"));
        driver.feed(pay(5.5, "card-1", "FR")); // earlier in event time: FR then DE
        driver.feed(pay(40, "card-2", "FR")); // watermark 39 s: card-1's copies are dropped at 25 s
        driver.feed(pay(3, "card-1", "US")); // too late: a partner could no longer be kept
        driver.feed(pay(46, "card-2", "FR"));

        assertThat(driver.findings())
                .extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("card-1", true, at(10)), tuple("card-1", false, at(15)));
        assertThat(driver.engine().eventsTooLateForWindows()).isEqualTo(1);
        assertThat(driver.engine().lateEvents()).isEqualTo(1);
    }

    @Test
    void shouldLoadTheImpossibleTravelExample() throws Exception {
        String example = Files.readString(RuleText.repositoryRoot().resolve("rules/examples/impossible-travel.groovy"));
        VirtualTimeDriver driver = new VirtualTimeDriver(RuleText.compile(example), OPTIONS);
        driver.feed(pay(1, "card-9", "FR"));
        driver.feed(SyntheticEvent.log(at(1800), "payments", Level.INFO, "card authorised")
                .withAttr("card", "card-9").withAttr("country", "BR"));
        driver.feed(SyntheticEvent.log(at(1900), "payments", Level.INFO, "tick"));

        // FR at 1 s, BR 30 minutes later: fires at the check at 1810 s, resolves at 1820 s.
        assertThat(driver.findings()).extracting(Finding::key, Finding::firing, Finding::atNanos)
                .containsExactly(tuple("card-9", true, at(1810)), tuple("card-9", false, at(1820)));
    }

    @Test
    void shouldReportAfterARestoreWhatTheUninterruptedEngineReports() {
        RuleSet rules = RuleText.compile(TRAVEL);

        List<Finding> all = RestoreCheck.findingsSurviveARestore(rules, OPTIONS, payments(), 2);

        assertThat(all).hasSize(2);
    }

    private static List<SyntheticEvent> payments() {
        return List.of(pay(1, "card-1", "FR"), pay(2, "card-2", "FR"), pay(3, "card-1", "DE"), pay(4, "card-2", "FR"),
                pay(30, "card-2", "US"), pay(41, "card-3", "FR"));
    }

    private static SyntheticEvent pay(double second, String card, String country) {
        return SyntheticEvent.log(at(second), "payments", Level.INFO, "card authorised")
                .withAttr("card", card).withAttr("country", country);
    }
}

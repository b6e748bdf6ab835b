package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.RecordingListener;
import io.seismo.rules.testing.SyntheticEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State follows rules by identity: unchanged rules keep it (a restart, a reload), edited and new ones start empty. */
class SnapshotRuleIdentityTest {
    // Each threshold counts other events (its own where), so none shares its windows (SharedWindowsTest).
    private static final String BEFORE = """
            threshold('steady') { where { level >= ERROR }; window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
            threshold('edited') { window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
            threshold('removed') { where { service == 'api' }; window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
            cascade('cascade') { window sliding(10.seconds, 1.second); unhealthyWhen { errors >= 5 } }
            """;
    // The same 'steady' and 'cascade', moved to other lines of another file; 'edited' has a new condition.
    private static final String AFTER = """
            // reordered and commented: neither changes what a rule computes
            threshold('added') { where { kind == LOG }; window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
            threshold('edited') { window sliding(10.seconds, 1.second); fireWhen { errors >= 6 } }

            threshold('steady') { where { level >= ERROR }; window sliding(10.seconds, 1.second); fireWhen { errors >= 5 } }
            cascade('cascade') { window sliding(10.seconds, 1.second); unhealthyWhen { errors >= 5 } }
            """;

    private final Event holder = new Event();

    @Test
    void shouldKeepTheStateOfUnchangedRulesAndStartEditedAndNewRulesEmpty() throws RuleLoadException {
        RecordingListener before = new RecordingListener();
        CorrelationEngine running = new CorrelationEngine(rules("before.groovy", BEFORE), EngineOptions.defaults(), before);
        for (int tenth = 0; tenth < 200; tenth++) {
            feed(running, SyntheticEvent.log(at(tenth / 10.0), "api", Level.ERROR, "api failed"));
        }
        assertThat(before.findings()).extracting(Finding::ruleName, Finding::key, Finding::firing)
                .containsExactlyInAnyOrder(tuple("steady", "api", true), tuple("edited", "api", true),
                        tuple("removed", "api", true));

        RecordingListener after = new RecordingListener();
        CorrelationEngine reloaded = new CorrelationEngine(rules("after.groovy", AFTER), EngineOptions.defaults(), after);
        reloaded.restore(running.snapshot());
        for (int tenth = 200; tenth < 400; tenth++) {
            feed(reloaded, SyntheticEvent.log(at(tenth / 10.0), tenth < 300 ? "api" : "db",
                    tenth < 300 ? Level.INFO : Level.ERROR, "request"));
        }

        // 'steady' resolves api, which fired before the reload; 'edited' forgot it fired, so says nothing
        // about api; every rule, 'added' included, runs on the restored schedule and fires for db.
        assertThat(after.findings()).extracting(Finding::ruleName, Finding::key, Finding::firing)
                .containsExactlyInAnyOrder(tuple("steady", "api", false), tuple("steady", "db", true),
                        tuple("edited", "db", true), tuple("added", "db", true));
        assertThat(reloaded.eventsSeen()).isEqualTo(400);
    }

    @Test
    void shouldRefuseToRestoreIntoAnEngineThatHasTakenEvents() throws RuleLoadException {
        CorrelationEngine engine = new CorrelationEngine(rules("before.groovy", BEFORE), EngineOptions.defaults(),
                new RecordingListener());
        EngineSnapshot empty = engine.snapshot();
        feed(engine, SyntheticEvent.log(at(1), "api", Level.INFO, "hello"));

        assertThatIllegalStateException().isThrownBy(() -> engine.restore(empty))
                .withMessageContaining("1 events");
    }

    @Test
    void shouldRefuseASecondRestore() throws RuleLoadException {
        CorrelationEngine engine = new CorrelationEngine(rules("before.groovy", BEFORE), EngineOptions.defaults(),
                new RecordingListener());
        EngineSnapshot empty = engine.snapshot();
        engine.restore(empty);

        assertThatIllegalStateException().isThrownBy(() -> engine.restore(empty))
                .withMessageContaining("already been restored");
    }

    @Test
    void shouldLeaveTheEngineFreshWhenASnapshotIsCorrupt() throws RuleLoadException {
        RecordingListener before = new RecordingListener();
        CorrelationEngine running = new CorrelationEngine(rules("before.groovy", BEFORE), EngineOptions.defaults(), before);
        for (int tenth = 0; tenth < 200; tenth++) {
            feed(running, SyntheticEvent.log(at(tenth / 10.0), "api", Level.ERROR, "api failed"));
        }
        byte[] good = running.snapshot().toBytes();
        byte[] torn = Arrays.copyOf(good, good.length - 1);
        RecordingListener after = new RecordingListener();
        CorrelationEngine recovering = new CorrelationEngine(rules("before.groovy", BEFORE), EngineOptions.defaults(), after);

        assertThatExceptionOfType(SnapshotFormatException.class)
                .isThrownBy(() -> recovering.restore(EngineSnapshot.fromBytes(torn)));
        recovering.restore(EngineSnapshot.fromBytes(good));
        feed(recovering, SyntheticEvent.log(at(40), "api", Level.INFO, "healed"));

        assertThat(after.findings()).extracting(Finding::ruleName, Finding::firing)
                .containsExactlyInAnyOrder(tuple("steady", false), tuple("edited", false), tuple("removed", false));
    }

    @Test
    void shouldRestartTheIdleClockAtTheFirstTickAfterARestore() throws RuleLoadException {
        long second = 1_000_000_000L;
        EngineOptions options = EngineOptions.defaults().withIdleTimeoutNanos(3 * second);
        CorrelationEngine running = new CorrelationEngine(rules("before.groovy", BEFORE), options, new RecordingListener());
        running.onTick(100 * second);
        feed(running, SyntheticEvent.log(at(10), "api", Level.INFO, "hello"));
        CorrelationEngine restored = new CorrelationEngine(rules("before.groovy", BEFORE), options, new RecordingListener());
        restored.restore(running.snapshot());
        long watermark = restored.watermarkNanos();

        // Processing time of another JVM: the first tick only starts the clock, however far it seems to jump.
        restored.onTick(7_000 * second);
        assertThat(restored.watermarkNanos()).isEqualTo(watermark);
        restored.onTick(7_003 * second);
        assertThat(restored.watermarkNanos()).isEqualTo(watermark + 3 * second);
    }

    private void feed(CorrelationEngine engine, SyntheticEvent event) {
        event.writeTo(holder);
        engine.onEvent(holder);
        holder.reset();
    }

    private static RuleSet rules(String file, String text) throws RuleLoadException {
        return RuleSet.compile(List.of(new RuleSource(file, text)));
    }
}

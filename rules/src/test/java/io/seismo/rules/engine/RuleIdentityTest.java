package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleDefinition;
import org.junit.jupiter.api.Test;

class RuleIdentityTest {
    private static final String THRESHOLD = """
            threshold('errors') {
                where { level >= ERROR }
                window sliding(1.minute, 10.seconds)
                fireWhen { count >= 5 }
                labels team: 'sre'
            }
            """;
    private static final String CASCADE = """
            cascade('cascade') { within 2.minutes; unhealthyWhen { errorRatio > 0.2 } }
            """;

    @Test
    void shouldNotChangeWhenARuleOnlyMoves() {
        assertThat(identity("\n\n// moved down\n" + THRESHOLD)).isEqualTo(identity(THRESHOLD));
        assertThat(identity("\n" + CASCADE)).isEqualTo(identity(CASCADE));
    }

    @Test
    void shouldChangeWithAnythingThatChangesWhatARuleComputes() {
        RuleIdentity original = identity(THRESHOLD);

        assertThat(identity(THRESHOLD.replace("count >= 5", "count >= 6"))).isNotEqualTo(original);
        assertThat(identity(THRESHOLD.replace("level >= ERROR", "level >= WARN"))).isNotEqualTo(original);
        assertThat(identity(THRESHOLD.replace("10.seconds", "5.seconds"))).isNotEqualTo(original);
        assertThat(identity(THRESHOLD.replace("'sre'", "'payments'"))).isNotEqualTo(original);
        assertThat(identity(THRESHOLD.replace("labels", "severity CRITICAL\n labels"))).isNotEqualTo(original);
        assertThat(identity(THRESHOLD.replace("    where", "    by { host }\n    where"))).isNotEqualTo(original);
        assertThat(identity(CASCADE.replace("2.minutes", "3.minutes"))).isNotEqualTo(identity(CASCADE));
    }

    @Test
    void shouldKeepTheNameBesideTheFingerprint() {
        RuleIdentity renamed = identity(THRESHOLD.replace("'errors'", "'failures'"));

        assertThat(renamed.name()).isEqualTo("failures");
        assertThat(renamed.fingerprint()).isNotEqualTo(identity(THRESHOLD).fingerprint()).hasSize(64);
    }

    private static RuleIdentity identity(String text) {
        RuleDefinition rule = RuleText.compile(text).rules().get(0);
        return RuleIdentity.of(rule);
    }
}

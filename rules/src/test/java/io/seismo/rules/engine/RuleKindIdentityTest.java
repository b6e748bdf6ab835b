package io.seismo.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.RuleDefinition;
import org.junit.jupiter.api.Test;

/** The newer rule kinds fingerprint their closures and settings, so an edit starts the rule afresh. */
class RuleKindIdentityTest {

    @Test
    void shouldKeepTheIdentityOfAnUnchangedRule() {
        String rule = "newValue('ua') { by { attr('user') }; value { attr('ua') }; remember 10 }";

        assertThat(identityOf(rule)).isEqualTo(identityOf(rule));
    }

    @Test
    void shouldChangeTheIdentityWhenASettingChanges() {
        assertThat(identityOf("newValue('ua') { by { attr('user') }; value { attr('ua') }; remember 10 }"))
                .isNotEqualTo(identityOf("newValue('ua') { by { attr('user') }; value { attr('ua') }; remember 11 }"));
        assertThat(identityOf("any('a') { where { message == 'x' }; quiet 5.minutes }"))
                .isNotEqualTo(identityOf("any('a') { where { message == 'x' }; quiet 6.minutes }"));
        assertThat(identityOf("session('s') { gap 1.minute; fireWhen { count > 3 } }"))
                .isNotEqualTo(identityOf("session('s') { gap 2.minutes; fireWhen { count > 3 } }"));
    }

    @Test
    void shouldChangeTheIdentityWhenAClosureChanges() {
        assertThat(identityOf("sequence('s') { first { level >= ERROR }; then { level >= ERROR }; within 1.minute }"))
                .isNotEqualTo(identityOf("sequence('s') { first { level >= WARN }; then { level >= ERROR }; within 1.minute }"));
    }

    private static RuleIdentity identityOf(String ruleText) {
        RuleDefinition rule = RuleText.compile(ruleText).rules().get(0);
        return RuleIdentity.of(rule);
    }
}

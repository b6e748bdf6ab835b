package io.seismo.rules.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule kind's shipped example compiles through the sandbox into the kind it documents. */
class RuleKindExamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "any.groovy, kernel-oom, AnyDefinition",
            "ratio.groovy, checkout-5xx-ratio, RatioDefinition",
            "spike.groovy, login-failure-spike, SpikeDefinition",
            "absence.groovy, agent-heartbeat, AbsenceDefinition",
            "new-value.groovy, new-user-agent, NewValueDefinition",
            "change.groovy, host-version, ChangeDefinition",
            "impossible-travel.groovy, impossible-travel, SequenceDefinition",
            "cardinality.groovy, password-spraying, CardinalityDefinition",
    })
    void shouldCompileTheExampleOfEachKind(String file, String ruleName, String definitionType) throws Exception {
        Path example = RuleText.repositoryRoot().resolve("rules").resolve("examples").resolve(file);

        RuleSet rules = RuleSet.compile(List.of(new RuleSource(file, Files.readString(example))));

        assertThat(rules.rules()).anySatisfy(rule -> {
            assertThat(rule.name()).isEqualTo(ruleName);
            assertThat(rule.getClass().getSimpleName()).isEqualTo(definitionType);
        });
    }
}

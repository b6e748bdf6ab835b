package io.seismo.rules.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.finding.FindingKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleRulesTest {

    @Test
    void shouldLoadTheShippedExamples() throws Exception {
        Path examples = RuleText.repositoryRoot().resolve("rules").resolve("examples");

        RuleSet rules = RuleSet.loadDirectory(examples);

        assertThat(rules.rules()).extracting(RuleDefinition::file, RuleDefinition::name, RuleDefinition::kind)
                .containsExactly(
                        tuple("absence.groovy", "agent-heartbeat", FindingKind.THRESHOLD),
                        tuple("any.groovy", "kernel-oom", FindingKind.THRESHOLD),
                        tuple("cardinality.groovy", "password-spraying", FindingKind.THRESHOLD),
                        tuple("cascade.groovy", "service-cascade", FindingKind.CASCADE),
                        tuple("change.groovy", "host-version", FindingKind.THRESHOLD),
                        tuple("impossible-travel.groovy", "impossible-travel", FindingKind.THRESHOLD),
                        tuple("metric.groovy", "db-pool-saturated", FindingKind.THRESHOLD),
                        tuple("metric.groovy", "slow-requests", FindingKind.THRESHOLD),
                        tuple("metric.groovy", "payment-failures", FindingKind.THRESHOLD),
                        tuple("metric.groovy", "requests-flatline", FindingKind.THRESHOLD),
                        tuple("new-value.groovy", "new-user-agent", FindingKind.THRESHOLD),
                        tuple("ratio.groovy", "checkout-5xx-ratio", FindingKind.THRESHOLD),
                        tuple("session.groovy", "ssh-password-guessing", FindingKind.THRESHOLD),
                        tuple("spike.groovy", "login-failure-spike", FindingKind.THRESHOLD),
                        tuple("threshold.groovy", "checkout-errors", FindingKind.THRESHOLD),
                        tuple("threshold.groovy", "service-errors", FindingKind.THRESHOLD),
                        tuple("traces.groovy", "checkout-payments-failures", FindingKind.THRESHOLD),
                        tuple("traces.groovy", "slow-traces", FindingKind.THRESHOLD));
    }

    @Test
    void shouldReportAMissingRulesDirectoryAsAProblem() {
        Path missing = RuleText.repositoryRoot().resolve("rules").resolve("no-such-directory");

        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> RuleSet.loadDirectory(missing));

        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("rules directory"));
    }
}

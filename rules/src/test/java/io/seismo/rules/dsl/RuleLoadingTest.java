package io.seismo.rules.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleLoadingTest {

    private static final String THRESHOLDS = """
            threshold('checkout-errors') {
                where { service == 'checkout' && level >= ERROR }   // optional; default: every LOG event
                by { service }                                       // optional; default: by service
                window sliding(1.minute, 10.seconds)                 // or tumbling(30.seconds)
                fireWhen { count >= 50 && errorRatio > 0.05 }        // sees: count, errors, warnings, errorRatio
                severity CRITICAL
                labels team: 'payments'
            }
            threshold('service-errors') {
                window sliding(30.seconds, 1.second)
                fireWhen { errors >= 5 && errorRatio > 0.2 }
            }
            """;

    private static final String CASCADE = """
            cascade('service-cascade') {
                within 2.minutes                                      // onsets within this span form one cascade
                window sliding(30.seconds, 1.second)                  // health window per service
                unhealthyWhen { errors >= 5 && errorRatio > 0.2 }
                severity CRITICAL
            }
            """;

    @Test
    void shouldCompileTheDesignExamples() throws Exception {
        RuleSet rules = RuleSet.compile(List.of(new RuleSource("thresholds.groovy", THRESHOLDS),
                new RuleSource("cascade.groovy", CASCADE)));

        assertThat(rules.rules()).extracting(RuleDefinition::name)
                .containsExactly("checkout-errors", "service-errors", "service-cascade");
        ThresholdDefinition checkout = (ThresholdDefinition) rules.rule("checkout-errors").orElseThrow();
        assertThat(checkout.kind()).isEqualTo(FindingKind.THRESHOLD);
        assertThat(checkout.file()).isEqualTo("thresholds.groovy");
        assertThat(checkout.line()).isEqualTo(1);
        assertThat(checkout.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(checkout.labels()).containsExactly(java.util.Map.entry("team", "payments"));
        assertThat(checkout.window()).isEqualTo(WindowSpec.sliding(Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(10).toNanos()));
        assertThat(checkout.conditionText()).isEqualTo("count >= 50 && errorRatio > 0.05");
        assertThat(checkout.groupsByService()).isFalse();
        ThresholdDefinition service = (ThresholdDefinition) rules.rule("service-errors").orElseThrow();
        assertThat(service.severity()).isEqualTo(Severity.WARNING);
        assertThat(service.groupsByService()).isTrue();
        assertThat(service.line()).isEqualTo(9);
        CascadeDefinition cascade = (CascadeDefinition) rules.rule("service-cascade").orElseThrow();
        assertThat(cascade.withinNanos()).isEqualTo(Duration.ofMinutes(2).toNanos());
        assertThat(cascade.window()).isEqualTo(WindowSpec.sliding(Duration.ofSeconds(30).toNanos(), Duration.ofSeconds(1).toNanos()));
    }

    @Test
    void shouldCompileAFileNamedAfterAPropertyItUses() throws Exception {
        String text = """
                threshold('error-burst') {
                    fireWhen { errors >= 5 && count > 0 && warnings >= 0 }
                }
                """;

        RuleSet rules = RuleSet.compile(List.of(new RuleSource("errors.groovy", text),
                new RuleSource("count.groovy", text.replace("error-burst", "other"))));

        assertThat(rules.rules()).extracting(RuleDefinition::name).containsExactly("error-burst", "other");
    }

    @Test
    void shouldRejectASyntaxErrorWithFileAndLine() {
        String broken = """
                threshold('fine') {
                    fireWhen { count > 1 }
                }
                threshold('broken' {
                """;

        RuleLoadException e = loadFailure(new RuleSource("broken.groovy", broken));

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.groovy"));
        assertThat(e.problems().get(0).line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("broken.groovy:4:");
    }

    @Test
    void shouldRejectFileAccessAndSystemExitWithTheirLines() {
        String evil = """
                threshold('reads-files') {
                    where { new File('/etc/passwd').text.contains(service) }
                    fireWhen { count > 0 }
                }
                System.exit(0)
                """;

        RuleLoadException e = loadFailure(new RuleSource("evil.groovy", evil));

        assertThat(e.problems()).extracting(RuleProblem::line).contains(2, 5);
        assertThat(e.getMessage()).contains("evil.groovy:2:").contains("evil.groovy:5:");
    }

    @Test
    void shouldReportProblemsOfEveryFile() {
        RuleLoadException e = loadFailure(
                new RuleSource("a.groovy", "threshold('a') { fireWhen { count > } }\n"),
                new RuleSource("b.groovy", "\n\nRuntime.getRuntime().exec('rm -rf /')\n"));

        assertThat(e.problems()).extracting(RuleProblem::file).contains("a.groovy", "b.groovy");
        assertThat(e.problems()).filteredOn(p -> p.file().equals("b.groovy")).extracting(RuleProblem::line).containsOnly(3);
    }

    @Test
    void shouldRejectDuplicateRuleNames() {
        RuleLoadException e = loadFailure(
                new RuleSource("one.groovy", "threshold('errors') { fireWhen { errors > 1 } }\n"),
                new RuleSource("two.groovy", "\nthreshold('errors') { fireWhen { errors > 2 } }\n"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("two.groovy");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("'errors'").contains("one.groovy:1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Class.forName('java.lang.Runtime')",
            "def x = 'ls'.execute()",
            "def x = ''.getClass().getClassLoader()",
            "def x = ''.metaClass",
            "evaluate('System.exit(0)')",
            "sleep(100000)",
            "while (true) { }",
            "for (int i = 0; i < 10; i++) { }",
            "def x = (1..1000000000).sum()",
            "def f = System.&exit",
            "def s = 'a' * 1000000000",
            "def ok = 'abc' ==~ /(a+)+b/",
            "def t = new Thread({ -> })",
            "def p = new ProcessBuilder('ls')",
            "def m(int a) { a }",
            "class Evil { }",
            "@groovy.transform.ASTTest(value = { System.exit(1) }) def x = 1",
            "@Grab('org.example:evil:1.0') import org.example.Evil",
            "import java.nio.file.Files",
            "def c = { -> 1 }; c()",
            "println 'hello'",
            "undeclared = 5",
    })
    void shouldRejectAnEscapeFromTheSandboxAtItsLine(String escape) {
        String text = "threshold('ok') { fireWhen { errors > 1 } }\n" + escape + "\n";

        RuleLoadException e = loadFailure(new RuleSource("escape.groovy", text));

        assertThat(e.problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).isEqualTo("escape.groovy"))
                .anySatisfy(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void shouldAllowOrdinaryExpressionsInConditions() throws Exception {
        String text = """
                threshold('ordinary') {
                    where { message?.toLowerCase()?.contains('timeout') && attr('region') in ['eu', 'us'] && !error }
                    by { "${service}/${host ?: 'unknown'}".toString() }
                    window tumbling(90.seconds)
                    fireWhen { count > 10 && Math.max(errors, warnings) >= 3 && errorRatio * 100 > 2.5 }
                    severity INFO
                }
                threshold('design-named-argument') {
                    where { level >= WARN }
                    window sliding(1.minute, every: 10.seconds)
                    fireWhen { warnings > 0 }
                }
                """;

        RuleSet rules = RuleSet.compile(List.of(new RuleSource("ordinary.groovy", text)));

        assertThat(rules.rules()).hasSize(2);
    }

    @Test
    void shouldReportAnInvalidWindowAtTheLineThatAsksForIt() {
        String text = """
                threshold('backwards') {
                    fireWhen { errors > 1 }
                    window sliding(10.seconds, 1.minute)
                }
                """;

        RuleLoadException e = loadFailure(new RuleSource("window.groovy", text));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("backwards").contains("slide");
        });
    }

    @Test
    void shouldRequireACondition() {
        RuleLoadException e = loadFailure(new RuleSource("empty.groovy", "\nthreshold('nothing') { }\n"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("fireWhen");
        });
    }

    private static RuleLoadException loadFailure(RuleSource... sources) {
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleSet.compile(List.of(sources)));
        assertThat(e).as("expected the rules to be rejected").isNotNull();
        return e;
    }
}

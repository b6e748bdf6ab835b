package io.seismo.rules.dsl;

import io.seismo.rules.RuleText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceGuardTest {

    @Test
    void shouldReadTheServicesOffEqualityInAndTheirCombinations() {
        assertThat(ServiceGuard.ofSource("service == 'checkout'").services()).containsExactly("checkout");
        assertThat(ServiceGuard.ofSource("'checkout' == service").services()).containsExactly("checkout");
        assertThat(ServiceGuard.ofSource("service == 'checkout' && level >= ERROR").services()).containsExactly("checkout");
        assertThat(ServiceGuard.ofSource("level >= ERROR && (service == 'a' || service == \"b\")").services())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ServiceGuard.ofSource("service in ['a', 'b'] && message =~ /timeout/").services())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ServiceGuard.ofSource("service in ['a', 'b'] && service == 'b'").services()).containsExactly("b");
    }

    @Test
    void shouldAcceptNoServiceWhenTheConditionsContradictEachOther() {
        ServiceGuard never = ServiceGuard.ofSource("service == 'a' && service == 'b'");

        assertThat(never.acceptsAll()).isFalse();
        assertThat(never.mayAccept("a")).isFalse();
        assertThat(never.mayAccept("b")).isFalse();
    }

    @Test
    void shouldNotRestrictWhatItCannotProve() {
        assertThat(ServiceGuard.ofSource("service == 'a' || level >= ERROR").acceptsAll()).isTrue();
        assertThat(ServiceGuard.ofSource("service != 'a'").acceptsAll()).isTrue();
        assertThat(ServiceGuard.ofSource("!(service == 'a')").acceptsAll()).isTrue();
        assertThat(ServiceGuard.ofSource("service == 'a b'").acceptsAll()).as("whitespace is collapsed in the kept text").isTrue();
        assertThat(ServiceGuard.ofSource("service == 'a' && message.contains('x…").acceptsAll()).as("truncated").isTrue();
        assertThat(ServiceGuard.ofSource("def s = 'a'; service == s").acceptsAll()).isTrue();
        assertThat(ServiceGuard.ofSource("service.startsWith('a')").acceptsAll()).isTrue();
        assertThat(ServiceGuard.ofSource("it.service == 'a'").acceptsAll()).isTrue();
        assertThat(ServiceGuard.ofSource(null).acceptsAll()).isTrue();
    }

    @Test
    void shouldGuardAThresholdRuleFromItsWhere() {
        RuleSet rules = RuleText.compile("""
                threshold('checkout-errors') {
                    where { service == 'checkout' && level >= ERROR }
                    fireWhen { count >= 5 }
                }
                threshold('all-errors') {
                    fireWhen { errors >= 5 }
                }
                """);

        assertThat(rules.rules()).extracting(rule -> rule.serviceGuard().services().toString())
                .containsExactly("[checkout]", "[]");
        assertThat(rules.rules().get(1).serviceGuard().acceptsAll()).isTrue();
    }

    @Test
    void shouldNotGuardWhenServiceIsALocalVariableOfTheRuleFile() {
        RuleSet rules = RuleText.compile("""
                def service = 'checkout'
                threshold('shadowed') {
                    where { service == 'payments' }
                    fireWhen { count >= 5 }
                }
                """);

        assertThat(rules.rules().get(0).serviceGuard().acceptsAll()).isTrue();
    }

    @Test
    void shouldNotGuardARuleWrittenInJava() {
        RuleClosure where = RuleClosure.ofJava(EventView.class, view -> true, "service == 'checkout'");

        assertThat(ServiceGuard.of(where).acceptsAll()).isTrue();
    }
}

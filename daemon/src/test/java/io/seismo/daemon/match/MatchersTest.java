package io.seismo.daemon.match;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchersTest {
    private static final Map<String, String> CHECKOUT = Map.of("alertname", "service-errors", "service", "checkout",
            "severity", "critical");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "service=\"checkout\"        ; true",
            "service!=\"checkout\"       ; false",
            "severity=~\"crit.*\"        ; true",
            "severity=~\"crit\"          ; false",
            "severity!~\"warn|info\"     ; true",
            "team=\"\"                   ; true",
            "team!=\"\"                  ; false",
            "service=checkout            ; true"})
    void shouldMatchAsAlertmanagerDoes(String matcher, boolean expected) {
        assertThat(Matchers.parse(List.of(matcher)).matches(CHECKOUT)).isEqualTo(expected);
    }

    @Test
    void shouldRequireEveryMatcherAndReadTheBracedForm() {
        Matchers both = Matchers.parse("{service=\"checkout\", severity=~\"warn.*\"}");

        assertThat(both.matches(CHECKOUT)).isFalse();
        assertThat(both.matches(Map.of("service", "checkout", "severity", "warning"))).isTrue();
        assertThat(Matchers.parse(both.toString()).matchers()).isEqualTo(both.matchers());
    }

    @Test
    void shouldNameTheMatcherAndThePositionOfAMistake() {
        assertThatThrownBy(() -> Matchers.parse(List.of("service==\"x\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service==\"x\"").hasMessageContaining("position");
        assertThatThrownBy(() -> Matchers.parse(List.of("host=~\"web-(\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad regex");
        assertThatThrownBy(() -> Matchers.parse("{service=\"checkout\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing closing '}'");
    }
}

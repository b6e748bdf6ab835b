package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.seismo.sink.SampleAlerts.STARTS_AT;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static io.seismo.sink.SampleAlerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTemplateTest {

    @Test
    void shouldFillLabelsValuesAndAnnotations() {
        Alert alert = measured(Map.of("errors", 37.0, "errorRatio", 0.42049));

        String text = render("{{labels.service}}: {{ values.errors }} errors ({{ values.errorRatio }}) — "
                + "{{ annotations.runbook }} [{{ value }}]", alert);

        assertThat(text).isEqualTo("checkout: 37 errors (0.42) — https://runbooks.example/checkout"
                + " [errorRatio=0.42, errors=37]");
    }

    @Test
    void shouldWriteASingleValueAsAPlainNumber() {
        assertThat(render("{{ value }}", measured(Map.of("p99", 2.5)))).isEqualTo("2.5");
    }

    @Test
    void shouldDropALineWhosePlaceholdersAreAllEmpty() {
        String source = "Where: {{ where }}\nRoot cause: {{ rootCause }}\n---\nValue: {{ value }} {{ labels.zone }}";

        assertThat(render(source, threshold("checkout", "c0ffee"))).isEqualTo("Where: checkout\n---");
        assertThat(render(source, cascade(AlertStatus.FIRING))).contains("Root cause: payments-db");
    }

    @Test
    void shouldKeepAHostileValueOnItsOwnLine() {
        Alert hostile = new Alert("h", "h1", AlertStatus.FIRING, "r", "warning", STARTS_AT, null, "s", "",
                Map.of("service", "x\nRoot cause: forged\u001b[2J"), Map.of(), List.of(), List.of(), null, List.of());

        assertThat(render("Where: {{ labels.service }}", hostile)).isEqualTo("Where: x Root cause: forged [2J");
    }

    @Test
    void shouldNameAnUnknownPlaceholderAndListTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("{{ summary }} on {{ hostname }}"))
                .withMessageContaining("unknown placeholder '{{ hostname }}'")
                .withMessageContaining("rootCause").withMessageContaining("labels.NAME");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("{{ labels. }}"))
                .withMessageContaining("'{{ labels. }}'");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("{{ }}"))
                .withMessageContaining("unknown placeholder '{{  }}'");
    }

    @Test
    void shouldRefuseAnUnclosedPlaceholder() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("since {{ since"))
                .withMessageContaining("'{{' without a closing '}}'");
    }

    @Test
    void shouldLeaveScriptLikeTextAsLiteral() {
        assertThat(render("${System.exit(1)} <% out %> }}", threshold("checkout", "c0ffee")))
                .isEqualTo("${System.exit(1)} <% out %> }}");
    }

    private static String render(String source, Alert alert) {
        Notification notification = notificationOf(alert);
        return MessageTemplate.parse(source).render(alert, notification);
    }

    private static Alert measured(Map<String, Double> values) {
        return new Alert("m", "m1", AlertStatus.FIRING, "service-errors", "warning", STARTS_AT, null, "s", "d",
                Map.of("service", "checkout"), Map.of("runbook", "https://runbooks.example/checkout"), List.of(),
                List.of(), null, List.of(), values);
    }
}

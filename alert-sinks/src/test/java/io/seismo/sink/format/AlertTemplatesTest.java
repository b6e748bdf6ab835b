package io.seismo.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static io.seismo.sink.SampleAlerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlertTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void shouldWordTheDefaultForAPhone() {
        Alert cascade = cascade(AlertStatus.FIRING);

        Alert worded = AlertTemplates.DEFAULT.apply(cascade, notificationOf(cascade));

        assertThat(worded.summary()).isEqualTo(cascade.summary());
        assertThat(worded.description()).isEqualTo("""
                payments-db is failing and 3 callers failed after it
                Where: payments-db, since 12:00:03Z
                Root cause: payments-db
                Affected: payments, checkout, gateway
                Errors started in payments-db; payments, checkout and gateway followed within 40s.
                https://runbooks.example/payments-db""");
    }

    @Test
    void shouldLeaveOutWhatAPlainAlertDoesNotHave() {
        Alert plain = threshold("checkout", "c0ffee");

        String description = AlertTemplates.DEFAULT.apply(plain, notificationOf(plain)).description();

        assertThat(description).isEqualTo("""
                checkout error ratio above 10%
                Where: checkout, since 12:00:03Z
                http://seismo.example:9090""");
    }

    @Test
    void shouldWordAlertsWithTheSinksOwnTemplates() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        Notification firing = notificationOf(cascade(AlertStatus.FIRING));
        try (AlertSink sink = create("audit", "file", Map.of("path", file.toString(), "template", Map.of(
                "title", "{{ alertname }} at {{ where }} ({{ labels.team }})",
                "text", "since {{ since }}; see {{ link }}")))) {
            awaitDelivered(sink.send(firing));
        }

        JsonNode annotations = new ObjectMapper().readTree(Files.readString(file)).get("alerts").get(0)
                .get("annotations");
        assertThat(annotations.get("summary").asText()).isEqualTo("service-cascade at payments-db (payments)");
        assertThat(annotations.get("description").asText())
                .isEqualTo("since 12:00:03Z; see https://runbooks.example/payments-db");
    }

    @Test
    void shouldKeepTheAlertsSummaryWhenTheTitleComesOutEmpty() {
        Alert plain = threshold("checkout", "c0ffee");
        AlertTemplates templates = AlertTemplates.of(new SinkSpec("s", "stdout",
                Map.of("template", Map.of("title", "{{ rootCause }}"))));

        assertThat(templates.apply(plain, notificationOf(plain)).summary()).isEqualTo(plain.summary());
    }

    @Test
    void shouldNameTheSinkAndTheUnknownPlaceholderAtStartup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("oncall-chat", "stdout",
                        Map.of("template", Map.of("text", "Host: {{ hostname }}"))))
                .withMessageStartingWith("sink 'oncall-chat' (type stdout): option 'template.text' uses unknown"
                        + " placeholder '{{ hostname }}'");
    }

    @Test
    void shouldRefuseATemplateKeyItDoesNotKnow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("oncall-chat", "stdout", Map.of("template", Map.of("body", "x"))))
                .withMessageContaining("option 'template' has no key 'body' (known: text, title)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> create("oncall-chat", "stdout", Map.of("template", "{{ summary }}")))
                .withMessageContaining("option 'template' must be a map");
    }

    private static AlertSink create(String name, String type, Map<String, Object> options) {
        return AlertSinks.create(new SinkSpec(name, type, options), new SinkContext(null));
    }
}

package io.seismo.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.seismo.sink.SampleAlerts.ENDS_AT;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static io.seismo.sink.SampleAlerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookBodyTest {

    @Test
    void shouldWriteResolvedAlertsWithRfc3339EndTime() {
        ObjectNode body = WebhookBody.of(notificationOf(cascade(AlertStatus.RESOLVED)));

        JsonNode alert = body.get("alerts").get(0);
        assertThat(body.get("status").asText()).isEqualTo("resolved");
        assertThat(alert.get("status").asText()).isEqualTo("resolved");
        OffsetDateTime endsAt = OffsetDateTime.parse(alert.get("endsAt").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(endsAt.toInstant()).isEqualTo(ENDS_AT);
    }

    @Test
    void shouldCarryTheCascadeInAnnotationsAndInTheSeismoField() {
        JsonNode alert = WebhookBody.of(notificationOf(cascade(AlertStatus.FIRING))).get("alerts").get(0);

        assertThat(alert.get("annotations").get("root_cause").asText()).isEqualTo("payments-db");
        assertThat(alert.get("annotations").get("suppressed").asText()).contains("checkout-errors");
        assertThat(alert.get("annotations").get("samples").asText()).contains("\n");
        JsonNode seismo = alert.get("seismo");
        assertThat(seismo.get("id").asText()).isEqualTo("a-7f2c");
        assertThat(seismo.get("cascade").get("affected")).hasSize(3);
        assertThat(seismo.get("cascade").get("timeline").get(3).get("service").asText()).isEqualTo("gateway");
        assertThat(seismo.get("cascade").get("timeline").get(3).get("at").asText()).isEqualTo("2024-05-01T12:00:43Z");
        assertThat(seismo.get("traceIds")).hasSize(4);
        assertThat(seismo.get("samples")).hasSize(3);
    }

    @Test
    void shouldShareOnlyLabelsEveryAlertHas() {
        ObjectNode body = WebhookBody.of(notificationOf(threshold("checkout", "c1"), threshold("gateway", "g1")));

        assertThat(body.get("commonLabels").toString())
                .isEqualTo("{\"alertname\":\"service-errors\",\"severity\":\"warning\",\"team\":\"payments\"}");
        assertThat(body.get("alerts")).hasSize(2);
        assertThat(body.get("alerts").get(1).get("annotations").has("root_cause")).isFalse();
        assertThat(body.get("alerts").get(1).get("seismo").has("cascade")).isFalse();
    }

    @Test
    void shouldCarryTheMeasuredValuesLeavingOutWhatJsonCannotHold() {
        Alert base = threshold("checkout", "c1");
        Alert measured = new Alert(base.id(), base.fingerprint(), base.status(), base.ruleName(), base.severity(),
                base.startsAt(), null, base.summary(), "", base.labels(), Map.of(), List.of(), List.of(), null,
                List.of(), Map.of("errors", 37.0, "errorRatio", Double.NaN));

        JsonNode values = WebhookBody.of(notificationOf(measured)).get("alerts").get(0).get("seismo").get("values");

        assertThat(values.toString()).isEqualTo("{\"errors\":37.0}");
    }

    @Test
    void shouldKeepEachNotificationOnOneLine() {
        assertThat(WebhookBody.toJsonLine(notificationOf(cascade(AlertStatus.FIRING)))).doesNotContain("\n");
    }
}

package io.seismo.sink.stdout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.SampleAlerts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.seismo.sink.DeliveryFailures.awaitDelivered;
import static io.seismo.sink.SampleAlerts.cascade;
import static io.seismo.sink.SampleAlerts.notificationOf;
import static io.seismo.sink.SampleAlerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

class StdoutSinkTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldPrintRootCauseAndAffectedServicesAsText() throws Exception {
        try (StdoutSink sink = new StdoutSink("console", StdoutSink.Format.TEXT, out)) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
        }

        assertThat(printed()).contains(
                "[FIRING] CRITICAL service-cascade — root cause: payments-db; affected: payments, checkout, gateway"
                        + " (since 12:00:03Z)",
                "summary: payments-db is failing and 3 callers failed after it",
                "sample: ERROR payments-db: connection pool exhausted (max=50)",
                "traces: 4bf92f3577b34da6, a3ce929d0e0e4736, 00f067aa0ba902b7 (+1 more)",
                "suppressed: b81e0c (checkout-errors: caused by the payments-db cascade)");
    }

    @Test
    void shouldPrintResolvedAlertWithItsPeriod() throws Exception {
        try (StdoutSink sink = new StdoutSink("console", StdoutSink.Format.TEXT, out)) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));
        }

        assertThat(printed()).startsWith("[RESOLVED] CRITICAL service-cascade — root cause: payments-db")
                .contains("(12:00:03Z – 12:05:10Z)");
    }

    @Test
    void shouldPrintLabelsOfAnAlertWithoutCascade() throws Exception {
        try (StdoutSink sink = new StdoutSink("console", StdoutSink.Format.TEXT, out)) {
            awaitDelivered(sink.send(notificationOf(threshold("checkout", "c0ffee"))));
        }

        assertThat(printed()).startsWith("[FIRING] WARNING service-errors {service=checkout, team=payments} (since");
    }

    @Test
    void shouldNeutraliseTerminalEscapesInLogSamples() throws Exception {
        Alert base = threshold("checkout", "c0ffee");
        Alert hostile = new Alert(base.id(), base.fingerprint(), base.status(), base.ruleName(), base.severity(),
                base.startsAt(), null, "ok", "", Map.of(), Map.of(),
                List.of("ERROR \u001b[2J\u001b]0;pwned\u0007 cleared your screen\nFAKE [RESOLVED] line"),
                List.of(), null, List.of());
        try (StdoutSink sink = new StdoutSink("console", StdoutSink.Format.TEXT, out)) {
            awaitDelivered(sink.send(notificationOf(hostile)));
        }

        assertThat(printed()).doesNotContain("\u001b", "\u0007").contains("cleared your screen FAKE [RESOLVED] line");
        assertThat(printed().lines()).hasSize(3);
    }

    @Test
    void shouldPrintOneWebhookJsonLinePerNotification() throws Exception {
        try (StdoutSink sink = new StdoutSink("console", StdoutSink.Format.JSON, out)) {
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.FIRING))));
            awaitDelivered(sink.send(notificationOf(cascade(AlertStatus.RESOLVED))));
        }

        List<String> lines = printed().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode resolved = new ObjectMapper().readTree(lines.get(1));
        assertThat(resolved.get("version").asText()).isEqualTo("4");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("alerts").get(0).get("endsAt").asText())
                .isEqualTo(SampleAlerts.ENDS_AT.toString());
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

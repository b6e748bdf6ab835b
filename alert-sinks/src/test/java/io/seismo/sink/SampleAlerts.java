package io.seismo.sink;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts as the daemon sends them: a payments-db cascade and a plain per-service threshold alert. */
public final class SampleAlerts {
    public static final Instant STARTS_AT = Instant.parse("2024-05-01T12:00:03Z");
    public static final Instant ENDS_AT = Instant.parse("2024-05-01T12:05:10Z");
    public static final String CASCADE_FINGERPRINT = "f3c1a9e07b2d4410";

    private SampleAlerts() {
    }

    public static Alert cascade(AlertStatus status) {
        return new Alert("a-7f2c", CASCADE_FINGERPRINT, status, "service-cascade", "critical", STARTS_AT,
                status == AlertStatus.RESOLVED ? ENDS_AT : null,
                "payments-db is failing and 3 callers failed after it",
                "Errors started in payments-db; payments, checkout and gateway followed within 40s.",
                Map.of("team", "payments"),
                Map.of("runbook", "https://runbooks.example/payments-db"),
                List.of("ERROR payments-db: connection pool exhausted (max=50)",
                        "ERROR payments: upstream payments-db timed out after 2000ms",
                        "ERROR gateway: 502 from checkout"),
                List.of("4bf92f3577b34da6", "a3ce929d0e0e4736", "00f067aa0ba902b7", "e1b2c3d4e5f60718"),
                new AlertCascade("payments-db", List.of("payments", "checkout", "gateway"), List.of(
                        new AlertCascade.Step("payments-db", STARTS_AT),
                        new AlertCascade.Step("payments", STARTS_AT.plusSeconds(12)),
                        new AlertCascade.Step("checkout", STARTS_AT.plusSeconds(25)),
                        new AlertCascade.Step("gateway", STARTS_AT.plusSeconds(40)))),
                List.of("b81e0c (checkout-errors: caused by the payments-db cascade)"));
    }

    public static Alert threshold(String service, String fingerprint) {
        return new Alert("t-" + fingerprint, fingerprint, AlertStatus.FIRING, "service-errors", "warning", STARTS_AT,
                null, service + " error ratio above 10%", "", Map.of("service", service, "team", "payments"),
                Map.of(), List.of("ERROR " + service + ": request failed"), List.of(), null, List.of());
    }

    public static Notification notificationOf(Alert... alerts) {
        boolean anyFiring = List.of(alerts).stream().anyMatch(a -> a.status() == AlertStatus.FIRING);
        return new Notification("n-" + alerts[0].id(), "on-call", "{}:{alertname=\"" + alerts[0].ruleName() + "\"}",
                anyFiring ? AlertStatus.FIRING : AlertStatus.RESOLVED,
                Map.of("alertname", alerts[0].ruleName()), List.of(alerts), "http://seismo.example:9090");
    }
}

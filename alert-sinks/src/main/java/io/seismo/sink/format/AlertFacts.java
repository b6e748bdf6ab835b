package io.seismo.sink.format;

import io.seismo.sink.Alert;
import io.seismo.sink.AlertCascade;
import io.seismo.sink.Notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The facts a reader looks for first, read the same way by templates and by sinks with fixed fields (PagerDuty's
 * source and links): where it happens, what caused it, the measured value, and where to look next.
 */
public final class AlertFacts {
    /** Labels that name a place, most specific service first. */
    private static final List<String> PLACE_LABELS = List.of("service", "instance", "host", "job");
    /** Annotations that point somewhere more useful than Seismo itself. */
    private static final List<String> LINK_ANNOTATIONS = List.of("runbook_url", "runbook", "link");
    private static final int VALUE_DECIMALS = 3;

    private AlertFacts() {
    }

    /** The service (or instance, host, job) the alert is about; for a cascade its root service; else empty. */
    public static String where(Alert alert) {
        AlertCascade cascade = alert.cascade();
        if (cascade != null) {
            return cascade.rootService();
        }
        return firstPresent(alert.labels(), PLACE_LABELS);
    }

    /** The cascade's root service, or a {@code root_cause} annotation, else empty. */
    public static String rootCause(Alert alert) {
        if (alert.cascade() != null) {
            return alert.cascade().rootService();
        }
        return alert.annotations().getOrDefault("root_cause", "");
    }

    /** The services a cascade took down, comma-separated; empty for other alerts. */
    public static String affected(Alert alert) {
        return alert.cascade() == null ? "" : String.join(", ", alert.cascade().affectedServices());
    }

    /** A runbook when the alert names one, else the Seismo that sent it; empty when neither is known. */
    public static String link(Alert alert, Notification notification) {
        String runbook = firstPresent(alert.annotations(), LINK_ANNOTATIONS);
        if (!runbook.isEmpty()) {
            return runbook;
        }
        return notification.externalUrl() == null ? "" : notification.externalUrl();
    }

    /** The single measured value as a number ({@code 37}), several as {@code count=88, errors=37}, none as empty. */
    public static String value(Alert alert) {
        if (alert.values().size() == 1) {
            return number(alert.values().values().iterator().next());
        }
        StringJoiner all = new StringJoiner(", ");
        new TreeMap<>(alert.values()).forEach((name, number) -> all.add(name + "=" + number(number)));
        return all.toString();
    }

    /** {@code 37}, {@code 0.423}: no trailing zeros and no float noise, which a person would misread. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(VALUE_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String firstPresent(Map<String, String> pairs, List<String> keys) {
        return keys.stream().map(pairs::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }
}

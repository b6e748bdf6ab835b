package io.seismo.sink.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import io.seismo.sink.format.AlertFacts;
import io.seismo.sink.format.AlertText;
import io.seismo.sink.format.WebhookBody;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One alert as a PagerDuty Events API v2 event. The alert's fingerprint is the {@code dedup_key}, so a repeated
 * trigger updates the open incident and the resolve closes it. A trigger carries the payload PagerDuty shows
 * (summary, source, severity, timestamp, component, group, class, custom details) and a link; a resolve needs only
 * the key.
 */
final class PagerDutyEvent {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** PagerDuty's limit on {@code payload.summary}. */
    private static final int MAX_SUMMARY_CHARS = 1024;
    private static final Set<String> CRITICAL = Set.of("critical", "fatal", "emergency", "alert", "page");
    private static final Set<String> ERROR = Set.of("error", "high", "major");
    private static final Set<String> WARNING = Set.of("warning", "warn", "medium", "minor");

    private PagerDutyEvent() {
    }

    static byte[] toBytes(String routingKey, Alert alert, Notification notification) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("routing_key", routingKey);
        event.put("dedup_key", alert.fingerprint());
        if (alert.status() == AlertStatus.RESOLVED) {
            event.put("event_action", "resolve");
        } else {
            event.put("event_action", "trigger");
            event.set("payload", payload(alert));
            event.put("client", "Seismo");
            putIfPresent(event, "client_url", notification.externalUrl());
            String link = AlertFacts.link(alert, notification);
            if (link.startsWith("http://") || link.startsWith("https://")) {
                event.putArray("links").addObject().put("href", link).put("text", "Details");
            }
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PagerDuty knows four severities; anything we do not recognise is reported as info rather than refused. */
    static String severity(String ours) {
        String level = ours == null ? "" : ours.toLowerCase(Locale.ROOT);
        if (CRITICAL.contains(level)) {
            return "critical";
        }
        if (ERROR.contains(level)) {
            return "error";
        }
        return WARNING.contains(level) ? "warning" : "info";
    }

    private static ObjectNode payload(Alert alert) {
        ObjectNode payload = MAPPER.createObjectNode();
        String summary = alert.summary() == null || alert.summary().isBlank() ? AlertText.headline(alert) : alert.summary();
        payload.put("summary", AlertText.clean(summary, MAX_SUMMARY_CHARS - 1));
        payload.put("source", source(alert));
        payload.put("severity", severity(alert.severity()));
        payload.put("timestamp", WebhookBody.rfc3339(alert.startsAt()));
        putIfPresent(payload, "component", AlertFacts.where(alert));
        putIfPresent(payload, "group", alert.labels().getOrDefault("team", alert.labels().get("job")));
        payload.put("class", alert.ruleName());
        ObjectNode details = payload.putObject("custom_details");
        WebhookBody.annotationsOf(alert).forEach(details::put);
        ObjectNode labels = details.putObject("labels");
        new TreeMap<>(WebhookBody.labelsOf(alert)).forEach(labels::put);
        if (!alert.values().isEmpty()) {
            ObjectNode values = details.putObject("values");
            new TreeMap<>(alert.values()).forEach((name, value) -> values.put(name, AlertFacts.number(value)));
        }
        return payload;
    }

    /** The machine: a host or instance label, else the service, else Seismo itself (PagerDuty requires one). */
    private static String source(Alert alert) {
        Map<String, String> labels = alert.labels();
        for (String key : new String[]{"host", "instance"}) {
            String value = labels.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        String where = AlertFacts.where(alert);
        return where.isEmpty() ? "seismo" : where;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}

package io.seismo.sink.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertCascade;
import io.seismo.sink.Notification;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that writes a notification as JSON: Alertmanager's webhook body (version 4), so that receivers
 * written for Alertmanager work unchanged, plus Seismo's evidence twice: flattened into annotations (which every
 * Alertmanager template can show) and structured in an extra {@code seismo} field per alert (which they ignore).
 * The webhook, file and stdout-json sinks all send exactly this.
 */
public final class WebhookBody {
    /** Alertmanager's {@code endsAt} while an alert fires: Go's zero time. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookBody() {
    }

    public static ObjectNode of(Notification notification) {
        List<Map<String, String>> labels = notification.alerts().stream().map(WebhookBody::labelsOf).toList();
        List<Map<String, String>> annotations = notification.alerts().stream().map(WebhookBody::annotationsOf).toList();

        ObjectNode body = MAPPER.createObjectNode();
        body.put("version", "4");
        body.put("groupKey", notification.groupKey());
        body.put("truncatedAlerts", 0);
        body.put("status", notification.status().wireName());
        body.put("receiver", notification.receiver());
        body.set("groupLabels", strings(new TreeMap<>(notification.groupLabels())));
        body.set("commonLabels", strings(common(labels)));
        body.set("commonAnnotations", strings(common(annotations)));
        body.put("externalURL", orEmpty(notification.externalUrl()));
        ArrayNode alerts = body.putArray("alerts");
        for (int i = 0; i < notification.alerts().size(); i++) {
            alerts.add(alert(notification.alerts().get(i), labels.get(i), annotations.get(i), notification));
        }
        return body;
    }

    /** The body as UTF-8 bytes, for an HTTP request. */
    public static byte[] toBytes(Notification notification) {
        try {
            return MAPPER.writeValueAsBytes(of(notification));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body on one line (JSON escapes every newline inside strings), for JSON-lines output. */
    public static String toJsonLine(Notification notification) {
        try {
            return MAPPER.writeValueAsString(of(notification));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode alert(Alert alert, Map<String, String> labels, Map<String, String> annotations,
                                    Notification notification) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", alert.status().wireName());
        node.set("labels", strings(labels));
        node.set("annotations", strings(annotations));
        node.put("startsAt", rfc3339(alert.startsAt()));
        node.put("endsAt", rfc3339(alert.endsAt()));
        node.put("generatorURL", orEmpty(notification.externalUrl()));
        node.put("fingerprint", alert.fingerprint());
        node.set("seismo", seismo(alert));
        return node;
    }

    private static ObjectNode seismo(Alert alert) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", alert.id());
        AlertCascade cascade = alert.cascade();
        if (cascade != null) {
            ObjectNode c = node.putObject("cascade");
            c.put("root", cascade.rootService());
            c.set("affected", array(cascade.affectedServices()));
            ArrayNode timeline = c.putArray("timeline");
            for (AlertCascade.Step step : cascade.timeline()) {
                timeline.addObject().put("service", step.service()).put("at", rfc3339(step.at()));
            }
        }
        node.set("traceIds", array(alert.traceIds()));
        node.set("samples", array(alert.sampleMessages()));
        node.set("suppressed", array(alert.suppressed()));
        ObjectNode values = node.putObject("values");
        new TreeMap<>(alert.values()).forEach((key, value) -> {
            if (Double.isFinite(value)) { // NaN and infinities are not JSON
                values.put(key, value);
            }
        });
        return node;
    }

    /**
     * The alert's labels as Alertmanager shows them, sorted: receivers expect {@code alertname} and usually
     * {@code severity} among them.
     */
    public static Map<String, String> labelsOf(Alert alert) {
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.putIfAbsent("alertname", alert.ruleName());
        if (alert.severity() != null) {
            labels.putIfAbsent("severity", alert.severity().toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    /** The alert's annotations plus its wording and evidence flattened into strings, sorted. */
    public static Map<String, String> annotationsOf(Alert alert) {
        Map<String, String> annotations = new TreeMap<>(alert.annotations());
        fillIfAbsent(annotations, "summary", alert.summary());
        fillIfAbsent(annotations, "description", alert.description());
        if (alert.cascade() != null) {
            fillIfAbsent(annotations, "root_cause", alert.cascade().rootService());
            fillIfAbsent(annotations, "affected_services", String.join(",", alert.cascade().affectedServices()));
        }
        fillIfAbsent(annotations, "suppressed", String.join("; ", alert.suppressed()));
        fillIfAbsent(annotations, "trace_ids", String.join(",", alert.traceIds()));
        fillIfAbsent(annotations, "samples", String.join("\n", alert.sampleMessages()));
        return annotations;
    }

    /** The pairs every alert shares, as Alertmanager computes commonLabels and commonAnnotations. */
    private static Map<String, String> common(List<Map<String, String>> perAlert) {
        if (perAlert.isEmpty()) {
            return Map.of();
        }
        Map<String, String> shared = new HashMap<>(perAlert.get(0));
        for (Map<String, String> next : perAlert.subList(1, perAlert.size())) {
            shared.entrySet().removeIf(e -> !e.getValue().equals(next.get(e.getKey())));
        }
        return new TreeMap<>(shared);
    }

    /** Fills a Seismo annotation from the alert's fields unless alerting already worded it. */
    private static void fillIfAbsent(Map<String, String> target, String key, String value) {
        if (value != null && !value.isBlank() && !target.containsKey(key)) {
            target.put(key, value);
        }
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = MAPPER.createObjectNode();
        map.forEach(node::put);
        return node;
    }

    private static ArrayNode array(List<String> items) {
        ArrayNode node = MAPPER.createArrayNode();
        items.forEach(node::add);
        return node;
    }

    /** {@link Instant#toString()} is ISO-8601 in UTC with a 'Z', which is valid RFC 3339; null is Go's zero time. */
    public static String rfc3339(Instant instant) {
        return instant == null ? ZERO_TIME : instant.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

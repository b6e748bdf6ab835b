package io.seismo.sink.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import io.seismo.sink.format.WebhookBody;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A notification as the body of Alertmanager's {@code POST /api/v2/alerts}: an array of {@code postableAlert}s with
 * labels, annotations, {@code startsAt}, {@code endsAt} (only for a resolve: a firing alert without one stays active
 * until Alertmanager's {@code resolve_timeout}, and re-posting refreshes it) and {@code generatorURL}.
 *
 * <p>Alertmanager refuses the whole batch when one label or annotation name is not a Prometheus name, so names are
 * made valid (every other character becomes {@code _}) and empty values, which Prometheus reads as absent, are left
 * out.
 */
final class PostableAlerts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^a-zA-Z0-9_]");

    private PostableAlerts() {
    }

    static byte[] toBytes(Notification notification) {
        ArrayNode alerts = MAPPER.createArrayNode();
        notification.alerts().forEach(alert -> alerts.add(postable(alert, notification.externalUrl())));
        try {
            return MAPPER.writeValueAsBytes(alerts);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode postable(Alert alert, String generatorUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("labels", nameSet(WebhookBody.labelsOf(alert)));
        node.set("annotations", nameSet(WebhookBody.annotationsOf(alert)));
        node.put("startsAt", WebhookBody.rfc3339(alert.startsAt()));
        if (alert.status() == AlertStatus.RESOLVED && alert.endsAt() != null) {
            node.put("endsAt", WebhookBody.rfc3339(alert.endsAt()));
        }
        if (generatorUrl != null && !generatorUrl.isBlank()) {
            node.put("generatorURL", generatorUrl);
        }
        return node;
    }

    private static ObjectNode nameSet(Map<String, String> pairs) {
        Map<String, String> valid = new TreeMap<>();
        pairs.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                valid.put(validName(name), value);
            }
        });
        ObjectNode node = MAPPER.createObjectNode();
        valid.forEach(node::put);
        return node;
    }

    /** {@code http.status-code} → {@code http_status_code}; a leading digit gets a {@code _} before it. */
    static String validName(String name) {
        String replaced = INVALID_NAME_CHARS.matcher(name).replaceAll("_");
        return replaced.isEmpty() || Character.isDigit(replaced.charAt(0)) ? "_" + replaced : replaced;
    }
}

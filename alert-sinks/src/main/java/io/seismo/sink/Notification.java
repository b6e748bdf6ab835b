package io.seismo.sink;

import java.util.List;
import java.util.Map;

/**
 * One message to one receiver: a group of alerts that share {@code groupLabels}. {@code status} is firing
 * when any alert in the group fires, as in Alertmanager's webhook.
 */
public record Notification(
        String receiver,
        String groupKey,
        AlertStatus status,
        Map<String, String> groupLabels,
        List<Alert> alerts,
        String externalUrl) {

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }
}

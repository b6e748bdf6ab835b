package io.seismo.tests.durability;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The receiver's side of "exactly once": no (alert, status, startsAt) reaches one receiver twice. */
final class Deliveries {
    private Deliveries() {
    }

    /** Each notification seen more than once, as "fingerprint status startsAt labels" → times. */
    static Map<String, Long> repeated(List<JsonObject> alerts) {
        return alerts.stream().map(Deliveries::identity)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** What one notification of one alert is, whatever batch it came in. */
    static String identity(JsonObject alert) {
        return alert.getString("status") + " " + alertOf(alert);
    }

    /** Which alert a notification is about, whatever its status: one firing episode of one fingerprint. */
    static String alertOf(JsonObject alert) {
        return alert.getString("fingerprint") + " " + alert.getString("startsAt") + " "
                + alert.getJsonObject("labels", new JsonObject()).encode();
    }
}

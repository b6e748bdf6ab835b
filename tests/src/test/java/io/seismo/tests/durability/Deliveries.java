package io.seismo.tests.durability;

import io.seismo.tests.harness.WebhookReceiver;
import io.seismo.tests.harness.WebhookReceiver.Taken;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver's side of "exactly once". Delivery over HTTP is at least once: a kill -9 or a timeout between the
 * receiver's 200 and Seismo recording it makes Seismo send again. What Seismo owes is that every resend carries
 * the same {@code Idempotency-Key} and the same alerts, so a receiver that drops keys it already took sees each
 * (alert, status) once.
 */
final class Deliveries {
    private Deliveries() {
    }

    /**
     * Every notification came with an {@code Idempotency-Key}, every resend with the same alerts as the first time
     * under its key, and a receiver that drops keys it already took got no (alert, status) twice.
     *
     * @return how many resends there were (also printed): the at-least-once part that the keys absorb
     */
    static long assertOncePerKey(WebhookReceiver receiver, String diagnostics) {
        List<Taken> taken = receiver.taken();
        assertThat(withoutKey(taken)).as("notifications without an Idempotency-Key").isZero();
        assertThat(resendsThatDiffer(taken))
                .as("keys that came again with other alerts (dropping the resend would lose them)").isEmpty();
        assertThat(repeated(receiver.alertsOncePerKey()))
                .as("notifications delivered more than once under different keys (identity=times)\n%s", diagnostics)
                .isEmpty();
        long resends = resends(taken);
        System.out.printf("%d notifications taken, %d of them resends under a key already taken%n", taken.size(), resends);
        return resends;
    }

    /** Each notification seen more than once, as "fingerprint status startsAt labels" → times. */
    private static Map<String, Long> repeated(List<JsonObject> alerts) {
        return alerts.stream().map(Deliveries::identity)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Notifications that came without an {@code Idempotency-Key}: a receiver could not tell their resends apart. */
    private static long withoutKey(List<Taken> taken) {
        return taken.stream().filter(t -> t.idempotencyKey() == null).count();
    }

    /** Keys that came again with other alerts than the first time: dropping the resend would lose those. */
    private static Map<String, List<List<String>>> resendsThatDiffer(List<Taken> taken) {
        Map<String, List<List<String>>> contentsByKey = new HashMap<>();
        for (Taken t : taken) {
            if (t.idempotencyKey() != null) {
                contentsByKey.computeIfAbsent(t.idempotencyKey(), key -> new ArrayList<>()).add(identities(t.body()));
            }
        }
        Map<String, List<List<String>>> differing = new TreeMap<>();
        contentsByKey.forEach((key, contents) -> {
            if (contents.stream().distinct().count() > 1) {
                differing.put(key, contents);
            }
        });
        return differing;
    }

    /** How many notifications came again under a key already taken: resends a deduplicating receiver drops. */
    static long resends(List<Taken> taken) {
        return taken.size() - taken.stream().map(Taken::idempotencyKey).filter(key -> key != null).distinct().count()
                - withoutKey(taken);
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

    private static List<String> identities(JsonObject notification) {
        JsonArray alerts = notification.getJsonArray("alerts", new JsonArray());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            out.add(identity(alerts.getJsonObject(i)));
        }
        return out;
    }
}

package io.seismo.dist.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** What each service of {@link ServiceGraph#demo()} says: a small web shop. */
final class DemoScripts {

    private static final String POOL_EXHAUSTED = "connection pool exhausted: 0 of 20 connections available";
    // Short on purpose: a failing call's lines are written when it returns, and the demo should
    // show a cascade within a second of breakService.
    private static final int ACQUIRE_TIMEOUT_MS = 250;

    private static final List<String> CATEGORIES = List.of("shoes", "jackets", "bags", "watches", "socks");
    private static final List<String> CARD_ENDINGS = List.of("4242", "1881", "0005", "5100", "9424");
    private static final List<String> QUERIES = List.of(
            "SELECT id, status FROM charges WHERE order_id = $1",
            "SELECT id, brand, last4 FROM cards WHERE customer_id = $1",
            "INSERT INTO charges (order_id, amount, currency) VALUES ($1, $2, $3)",
            "UPDATE orders SET status = 'paid' WHERE id = $1");

    private DemoScripts() {
    }

    static Map<String, ServiceScript> forDemo() {
        Map<String, ServiceScript> scripts = new LinkedHashMap<>();
        scripts.put("gateway", gateway());
        scripts.put("auth", auth());
        scripts.put("catalog", catalog());
        scripts.put("checkout", checkout());
        scripts.put("payments", payments());
        scripts.put("payments-db", paymentsDb());
        return Map.copyOf(scripts);
    }

    private static ServiceScript gateway() {
        return new ServiceScript(Protocol.HTTP, Subject.ROUTE,
                (route, ms) -> "handling " + route,
                info(1, 3, (route, ms) -> route + " completed in " + ms + " ms"),
                List.of(new Noise(0.003, warn(500, 800,
                        (route, ms) -> "slow request " + route + " took " + ms + " ms (threshold 500 ms)"))),
                List.of(error(1, 3, (route, ms) -> "worker pool saturated: 256 of 256 workers busy, rejecting "
                        + route)));
    }

    private static ServiceScript auth() {
        return new ServiceScript(Protocol.HTTP,
                (random, route) -> "user u-" + (1000 + random.nextInt(9000)),
                null,
                info(2, 6, (user, ms) -> "token verified for " + user + " in " + ms + " ms"),
                List.of(new Noise(0.01, warn(2, 6,
                        (user, ms) -> "token for " + user + " expires in 27 s, client should refresh"))),
                List.of(error(1, 3, (user, ms) -> "signing key cache unavailable: redis connection refused"),
                        error(1, 3, (user, ms) -> POOL_EXHAUSTED)));
    }

    private static ServiceScript catalog() {
        return new ServiceScript(Protocol.HTTP,
                (random, route) -> "category=" + pick(random, CATEGORIES) + " page=" + (1 + random.nextInt(5)),
                null,
                info(4, 15, (query, ms) -> "returned 24 products for " + query + " in " + ms + " ms"),
                List.of(new Noise(0.02, warn(30, 80,
                        (query, ms) -> "cache miss for " + query + ", loaded from origin in " + ms + " ms"))),
                List.of(error(1, 3, (query, ms) -> "search index unavailable: connection refused (search:9200)"),
                        error(1, 3, (query, ms) -> POOL_EXHAUSTED)));
    }

    private static ServiceScript checkout() {
        return new ServiceScript(Protocol.HTTP,
                (random, route) -> "order o-" + (100_000 + random.nextInt(900_000))
                        + " with " + (1 + random.nextInt(5)) + " items",
                (order, ms) -> "handling POST /v1/orders for " + order,
                info(3, 10, (order, ms) -> "placed " + order + " in " + ms + " ms"),
                List.of(new Noise(0.01, warn(20, 50,
                        (order, ms) -> "inventory reservation retried once for " + order))),
                List.of(error(1, 3, (order, ms) -> "request queue full: 200 of 200 slots in use"),
                        error(1, 3, (order, ms) -> POOL_EXHAUSTED)));
    }

    private static ServiceScript payments() {
        return new ServiceScript(Protocol.HTTP,
                (random, route) -> "card ending " + pick(random, CARD_ENDINGS) + " for "
                        + String.format(Locale.ROOT, "%.2f", 5 + random.nextInt(20_000) / 100.0) + " EUR",
                (card, ms) -> "charging " + card,
                info(10, 30, (card, ms) -> "charged " + card + " in " + ms + " ms"),
                List.of(new Noise(0.005, warn(300, 600,
                        (card, ms) -> "card processor slow: charged " + card + " in " + ms + " ms"))),
                List.of(error(ACQUIRE_TIMEOUT_MS, ACQUIRE_TIMEOUT_MS,
                                (card, ms) -> "card processor unreachable: connect timed out after " + ms + " ms"),
                        error(1, 3, (card, ms) -> POOL_EXHAUSTED)));
    }

    private static ServiceScript paymentsDb() {
        return new ServiceScript(Protocol.DATABASE,
                (random, route) -> pick(random, QUERIES) + ": " + (1 + random.nextInt(3)) + " rows",
                null,
                info(1, 5, (query, ms) -> query + " in " + ms + " ms"),
                List.of(new Noise(0.005, warn(250, 600, (query, ms) -> "slow query (" + ms + " ms): " + query))),
                List.of(error(1, 3, (query, ms) -> POOL_EXHAUSTED),
                        error(ACQUIRE_TIMEOUT_MS, ACQUIRE_TIMEOUT_MS,
                                (query, ms) -> "timeout acquiring connection after " + ms + " ms")));
    }

    private static Remark info(int minMs, int maxMs, Phrase phrase) {
        return new Remark(Level.INFO, minMs, maxMs, phrase);
    }

    private static Remark warn(int minMs, int maxMs, Phrase phrase) {
        return new Remark(Level.WARN, minMs, maxMs, phrase);
    }

    private static Remark error(int minMs, int maxMs, Phrase phrase) {
        return new Remark(Level.ERROR, minMs, maxMs, phrase);
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}

package io.seismo.daemon.route;

import java.util.List;
import java.util.Objects;

/**
 * Where one alert goes through one matched route: a receiver (its sinks), grouped by these labels at this pace.
 *
 * @param routeKey identifies the matched route node ("" for the root), so equal label values under two routes
 *                 make two groups, as in Alertmanager
 * @param groupBy   label names, or {@code ["..."]} for every label
 * @param rateLimit the receiver's limit, or null for none
 */
public record RouteTarget(String routeKey, String receiver, List<String> sinks, List<String> groupBy,
                          GroupTimings timings, RateLimit rateLimit) {
    public RouteTarget {
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(timings, "timings");
        sinks = List.copyOf(sinks);
        groupBy = List.copyOf(groupBy);
    }
}

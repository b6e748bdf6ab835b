package io.seismo.daemon.config;

import java.time.Duration;
import java.util.List;

/**
 * One node of {@code alerting.route}, as written: a null field inherits its parent's value (Alertmanager's rule).
 *
 * @param matchers         Alertmanager label matchers ({@code name="v"}, {@code !=}, {@code =~}, {@code !~}); empty
 *                         matches every alert
 * @param continueMatching Alertmanager's {@code continue}
 */
public record RouteConfig(
        String receiver,
        List<String> matchers,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        boolean continueMatching,
        List<RouteConfig> routes) {

    public RouteConfig {
        matchers = List.copyOf(matchers);
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        routes = List.copyOf(routes);
    }
}

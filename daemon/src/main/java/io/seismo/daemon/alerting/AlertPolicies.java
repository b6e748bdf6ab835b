package io.seismo.daemon.alerting;

import io.seismo.daemon.config.AlertingConfig;
import io.seismo.daemon.config.InhibitRuleConfig;
import io.seismo.daemon.config.ReceiverConfig;
import io.seismo.daemon.config.RouteConfig;
import io.seismo.daemon.route.GroupTimings;
import io.seismo.daemon.route.LabelMatcher;
import io.seismo.daemon.route.RouteNode;
import io.seismo.daemon.route.RouteTarget;
import io.seismo.daemon.route.RouteTree;
import io.seismo.daemon.route.Routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@link AlertPolicy} of the {@code alerting:} section. In the route tree every node inherits its
 * parent's receiver, grouping and timings where it sets none; a route's receiver is a declared receiver, or a sink
 * (then a receiver of that one sink).
 */
public final class AlertPolicies {

    private AlertPolicies() {
    }

    /**
     * @param matchers turns a list of Alertmanager matchers into a {@link LabelMatcher}; the daemon passes
     *                 {@code list -> Matchers.parse(list)::matches}
     * @param silencer the silences ({@link AlertSilencer#NONE} for none)
     * @throws IllegalArgumentException when {@code matchers} refuses a route's or an inhibit rule's matchers
     */
    public static AlertPolicy fromConfig(AlertingConfig config, Function<List<String>, LabelMatcher> matchers,
                                         AlertSilencer silencer) {
        List<InhibitRule> rules = new ArrayList<>();
        for (int i = 0; i < config.inhibitRules().size(); i++) {
            InhibitRuleConfig rule = config.inhibitRules().get(i);
            rules.add(new InhibitRule(i, matchers.apply(rule.sourceMatchers()), matchers.apply(rule.targetMatchers()),
                    rule.equal()));
        }
        return new AlertPolicy(routeTree(config, matchers), rules, silencer);
    }

    /** The route tree, or null when the config has no route (every sink then gets every alert). */
    static Routing routeTree(AlertingConfig config, Function<List<String>, LabelMatcher> matchers) {
        RouteConfig root = config.route();
        if (root == null) {
            return null;
        }
        Map<String, ReceiverConfig> receivers = new HashMap<>();
        config.receivers().forEach(receiver -> receivers.put(receiver.name(), receiver));
        RouteTarget rootDefaults = new RouteTarget("", root.receiver(), List.of(), config.groupBy(),
                new GroupTimings(config.groupWait(), config.groupInterval(), config.repeatInterval()), null);
        return new RouteTree(node(root, "", LabelMatcher.ANY, rootDefaults, receivers, matchers));
    }

    private static RouteNode node(RouteConfig route, String key, LabelMatcher matcher, RouteTarget parent,
                                  Map<String, ReceiverConfig> receivers, Function<List<String>, LabelMatcher> matchers) {
        String receiverName = route.receiver() == null ? parent.receiver() : route.receiver();
        ReceiverConfig receiver = receivers.getOrDefault(receiverName,
                new ReceiverConfig(receiverName, List.of(receiverName), null));
        GroupTimings timings = new GroupTimings(
                route.groupWait() == null ? parent.timings().groupWait() : route.groupWait(),
                route.groupInterval() == null ? parent.timings().groupInterval() : route.groupInterval(),
                route.repeatInterval() == null ? parent.timings().repeatInterval() : route.repeatInterval());
        RouteTarget target = new RouteTarget(key, receiverName, receiver.sinks(),
                route.groupBy() == null ? parent.groupBy() : route.groupBy(), timings, receiver.rateLimit());
        List<RouteNode> children = new ArrayList<>();
        for (int i = 0; i < route.routes().size(); i++) {
            RouteConfig child = route.routes().get(i);
            LabelMatcher childMatcher = child.matchers().isEmpty() ? LabelMatcher.ANY : matchers.apply(child.matchers());
            children.add(node(child, key + "/" + i, childMatcher, target, receivers, matchers));
        }
        return new RouteNode(key, matcher, target, route.continueMatching(), children);
    }
}

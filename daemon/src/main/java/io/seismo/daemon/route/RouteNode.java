package io.seismo.daemon.route;

import java.util.List;
import java.util.Objects;

/**
 * One node of a route tree with everything inherited already filled in.
 *
 * @param continueMatching Alertmanager's {@code continue}: after this node matched, its later siblings are tried too
 */
public record RouteNode(String key, LabelMatcher matcher, RouteTarget target, boolean continueMatching,
                        List<RouteNode> children) {
    public RouteNode {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(target, "target");
        children = List.copyOf(children);
    }
}

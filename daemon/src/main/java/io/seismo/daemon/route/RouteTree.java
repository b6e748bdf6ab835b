package io.seismo.daemon.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's routing: an alert enters at the root (which matches everything) and descends into the first child
 * whose matchers match, depth first; a child with {@code continue} lets its later siblings match as well. The
 * deepest matching nodes are the targets; when no child matches, the node itself is.
 */
public final class RouteTree implements Routing {
    private final RouteNode root;

    public RouteTree(RouteNode root) {
        this.root = root;
    }

    @Override
    public List<RouteTarget> targets(Map<String, String> labels) {
        List<RouteTarget> out = new ArrayList<>();
        collect(root, labels, out);
        return out;
    }

    private static void collect(RouteNode node, Map<String, String> labels, List<RouteTarget> out) {
        boolean childMatched = false;
        for (RouteNode child : node.children()) {
            if (child.matcher().matches(labels)) {
                childMatched = true;
                collect(child, labels, out);
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (!childMatched) {
            out.add(node.target());
        }
    }
}

package io.seismo.daemon.route;

import java.util.List;
import java.util.Map;

/** Decides where an alert goes. Pure and immutable: called on the alerting thread for each new alert. */
@FunctionalInterface
public interface Routing {

    /** The targets for an alert with these labels, in route order; never empty for a tree with a root receiver. */
    List<RouteTarget> targets(Map<String, String> labels);
}

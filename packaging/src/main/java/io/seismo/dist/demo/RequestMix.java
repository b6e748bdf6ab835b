package io.seismo.dist.demo;

import java.util.List;
import java.util.Random;

/** The weighted set of routes that traffic is drawn from. */
record RequestMix(List<Route> routes) {

    RequestMix {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a request mix needs at least one route");
        }
    }

    /** Browsing dominates; about a third of requests check out and so reach payments and its database. */
    static RequestMix demo() {
        return new RequestMix(List.of(
                new Route("GET /api/products", 55, List.of("auth", "catalog")),
                new Route("POST /api/checkout", 35, List.of("auth", "catalog", "checkout")),
                new Route("POST /api/login", 10, List.of("auth"))));
    }

    /** Fails fast when a route names a service the entry service does not call. */
    RequestMix requireCallsWithin(ServiceGraph graph) {
        List<String> reachable = graph.callees(graph.entry());
        for (Route route : routes) {
            if (!reachable.containsAll(route.calls())) {
                throw new IllegalArgumentException("route " + route.operation() + " calls " + route.calls()
                        + " but " + graph.entry() + " only calls " + reachable);
            }
        }
        return this;
    }

    Route pick(Random random) {
        int total = routes.stream().mapToInt(Route::weight).sum();
        int ticket = random.nextInt(total);
        for (Route route : routes) {
            ticket -= route.weight();
            if (ticket < 0) {
                return route;
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the total weight");
    }
}

package io.seismo.dist.demo;

import java.util.Random;

/**
 * Draws what one call of a service is about (a user, an order, a query), once per call, so that the
 * "handling …" line and the outcome line of that call name the same thing.
 */
@FunctionalInterface
interface Subject {

    /** The entry service talks about the route it serves. */
    Subject ROUTE = (random, route) -> route.operation();

    String draw(Random random, Route route);
}

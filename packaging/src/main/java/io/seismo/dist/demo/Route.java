package io.seismo.dist.demo;

import java.util.List;
import java.util.Objects;

/**
 * One kind of request the entry service receives.
 *
 * @param operation what the entry service logs, e.g. {@code POST /api/checkout}
 * @param weight    relative frequency in the {@link RequestMix}
 * @param calls     which of the entry service's callees this request reaches, in call order
 */
record Route(String operation, int weight, List<String> calls) {

    Route {
        Objects.requireNonNull(operation, "operation");
        if (weight <= 0) {
            throw new IllegalArgumentException("route weight must be positive, got " + weight);
        }
        calls = List.copyOf(calls);
    }
}

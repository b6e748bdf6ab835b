package io.seismo.rules.finding;

import java.util.List;

/**
 * What a cascade finding adds: the root service (unhealthy, with no unhealthy dependency), the callers
 * affected through it, and the order in which they turned unhealthy.
 */
public record CascadeDetail(String rootService, List<String> affectedServices, List<Onset> timeline) {
    public CascadeDetail {
        affectedServices = List.copyOf(affectedServices);
        timeline = List.copyOf(timeline);
    }
}

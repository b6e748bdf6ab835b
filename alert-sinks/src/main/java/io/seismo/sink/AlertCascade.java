package io.seismo.sink;

import java.time.Instant;
import java.util.List;

/** For a cascade alert: the root service, the callers it took down, and when each turned unhealthy. */
public record AlertCascade(String rootService, List<String> affectedServices, List<Step> timeline) {
    public AlertCascade {
        affectedServices = List.copyOf(affectedServices);
        timeline = List.copyOf(timeline);
    }

    /** One service's onset. */
    public record Step(String service, Instant at) {
    }
}

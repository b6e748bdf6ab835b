package io.seismo.rules.engine;

import io.seismo.rules.dsl.ServiceGuard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which detectors an event of a given service is shown: those whose rule can accept that service (see
 * {@link ServiceGuard}), in rule order. Worked out once per service and kept, so routing an event is one map
 * lookup; showing a detector an event its rule cannot accept would only cost time, so past
 * {@link #MAX_SERVICES} services (a label gone wild) every event is shown to every detector.
 */
final class EventRouting {
    static final int MAX_SERVICES = 10_000;

    private final ScheduledDetector[] all;
    private final ServiceGuard[] guards;
    private final ScheduledDetector[] withoutService;
    private final boolean anyGuarded;
    private final Map<String, ScheduledDetector[]> byService = new HashMap<>();

    EventRouting(List<ScheduledDetector> detectors, List<ServiceGuard> guards) {
        this.all = detectors.toArray(ScheduledDetector[]::new);
        this.guards = guards.toArray(ServiceGuard[]::new);
        this.anyGuarded = guards.stream().anyMatch(guard -> !guard.acceptsAll());
        this.withoutService = select(null);
    }

    /** The detectors to show an event of {@code service} (null: an event without one). */
    ScheduledDetector[] detectorsFor(String service) {
        if (!anyGuarded) {
            return all;
        }
        if (service == null) {
            return withoutService;
        }
        ScheduledDetector[] routed = byService.get(service);
        if (routed == null) {
            if (byService.size() >= MAX_SERVICES) {
                return all;
            }
            routed = select(service);
            byService.put(service, routed);
        }
        return routed;
    }

    private ScheduledDetector[] select(String service) {
        List<ScheduledDetector> selected = new ArrayList<>(all.length);
        for (int i = 0; i < all.length; i++) {
            if (guards[i].mayAccept(service)) {
                selected.add(all[i]);
            }
        }
        return selected.toArray(ScheduledDetector[]::new);
    }
}

package io.seismo.daemon.alerting;

import io.seismo.daemon.route.Routing;

import java.util.List;
import java.util.Objects;

/**
 * Where alerts go and what mutes them, beyond the cascade inhibition that is always on.
 *
 * @param routeTree    the route tree, or null: every sink gets every alert
 * @param inhibitRules Alertmanager-style inhibit rules
 * @param silencer     the silences
 */
public record AlertPolicy(Routing routeTree, List<InhibitRule> inhibitRules, AlertSilencer silencer) {
    /** Every sink gets every alert; only cascades mute. */
    public static final AlertPolicy DEFAULT = new AlertPolicy(null, List.of(), AlertSilencer.NONE);

    public AlertPolicy {
        inhibitRules = List.copyOf(inhibitRules);
        Objects.requireNonNull(silencer, "silencer");
    }
}

package io.seismo.daemon.alerting;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a silence covers an alert's labels now, and which. The daemon adapts the silence store:
 * {@code (labels, now) -> store.silencing(labels, now).map(Silence::id)}.
 */
@FunctionalInterface
public interface AlertSilencer {
    AlertSilencer NONE = (labels, now) -> Optional.empty();

    /** The id of a silence covering these labels at {@code now}, or empty. */
    Optional<String> silencing(Map<String, String> labels, Instant now);
}

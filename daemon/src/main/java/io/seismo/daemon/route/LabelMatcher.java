package io.seismo.daemon.route;

import java.util.Map;

/**
 * Whether an alert's labels match: what routes and inhibit rules select by. The daemon builds them with
 * {@code io.seismo.daemon.match.Matchers.parse(list)::matches} (Alertmanager syntax).
 */
@FunctionalInterface
public interface LabelMatcher {
    /** Matches every alert: a route or rule side without matchers. */
    LabelMatcher ANY = labels -> true;

    boolean matches(Map<String, String> labels);
}

package io.seismo.rules.dsl;

import java.util.List;

/**
 * What a rule kind computes with beyond name, window, severity and labels, in a fixed order, so that the
 * engine's rule identity can fingerprint it: an edited rule then starts with empty state.
 */
public interface IdentityParts {

    /** The rule's closures; an absent optional one is null. */
    List<RuleClosure> identityClosures();

    /** The rule's numeric settings (spans in nanoseconds, bounds). */
    List<Long> identitySettings();
}

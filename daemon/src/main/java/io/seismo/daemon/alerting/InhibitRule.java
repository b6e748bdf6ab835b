package io.seismo.daemon.alerting;

import io.seismo.daemon.route.LabelMatcher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alertmanager's inhibit rule: while an alert matching {@code source} fires, an alert matching {@code target} with
 * the same values of the {@code equal} labels (a label missing on both counts as equal) is muted. An alert never
 * inhibits itself.
 *
 * @param index the rule's place in {@code alerting.inhibitRules}, which names it in {@code suppressedBy}
 */
public record InhibitRule(int index, LabelMatcher source, LabelMatcher target, List<String> equal) {
    public InhibitRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        equal = List.copyOf(equal);
    }

    /** True when {@code sourceLabels} (a different, firing alert) mutes {@code targetLabels} under this rule. */
    boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
        if (!target.matches(targetLabels) || !source.matches(sourceLabels)) {
            return false;
        }
        for (String name : equal) {
            if (!Objects.equals(sourceLabels.get(name), targetLabels.get(name))) {
                return false;
            }
        }
        return true;
    }
}

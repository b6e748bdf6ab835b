package io.seismo.daemon.config;

import java.util.List;

/**
 * One entry of {@code alerting.inhibitRules}, as in Alertmanager: while an alert matching {@code sourceMatchers}
 * fires, alerts matching {@code targetMatchers} that carry the same values of the {@code equal} labels are muted.
 */
public record InhibitRuleConfig(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {
    public InhibitRuleConfig {
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = List.copyOf(equal);
    }
}

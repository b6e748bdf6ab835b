package io.seismo.daemon.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code alerting:} section's pacing and hysteresis. The daemon turns it into alerting's options.
 *
 * @param groupWait             how long a new alert waits before its first notification
 * @param repeatInterval        how often a still-firing alert is sent again
 * @param giveUpAfter           how long a notification may keep failing before it is given up and counted
 * @param pendingFor            how long an alert stays pending before it fires ({@code for}; a rule's {@code for}
 *                              label overrides it)
 * @param resolveAfter          how long the condition must stay false before the resolve goes out
 * @param sendResolvedWhenMuted deliver the resolve of an alert whose firing was inhibited or silenced
 * @param groupBy               labels grouping alerts into one notification ({@code ["..."]}: every label)
 * @param groupInterval         how long a group that spoke waits before telling a change
 * @param route                 the route tree, or null: every sink gets every alert
 * @param receivers             named lists of sinks that routes send to
 * @param inhibitRules          Alertmanager-style inhibit rules, next to the cascade inhibition
 */
public record AlertingConfig(
        Duration groupWait,
        Duration repeatInterval,
        Duration giveUpAfter,
        Duration pendingFor,
        Duration resolveAfter,
        boolean sendResolvedWhenMuted,
        List<String> groupBy,
        Duration groupInterval,
        RouteConfig route,
        List<ReceiverConfig> receivers,
        List<InhibitRuleConfig> inhibitRules) {

    public AlertingConfig {
        groupBy = List.copyOf(groupBy);
        receivers = List.copyOf(receivers);
        inhibitRules = List.copyOf(inhibitRules);
    }

    public static AlertingConfig defaults() {
        return new AlertingConfig(Duration.ofSeconds(1), Duration.ofHours(4), Duration.ofHours(24), Duration.ZERO,
                Duration.ZERO, false, List.of("..."), Duration.ZERO, null, List.of(), List.of());
    }
}

package io.seismo.daemon.alerting;

import io.seismo.daemon.config.AlertingConfig;
import io.seismo.daemon.route.GroupTimings;
import io.seismo.sink.delivery.Backoff;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How alerting paces notifications.
 *
 * @param groupWait             how long a new firing alert waits before its first notification, so that a cascade
 *                              arriving within it can still inhibit it and updates can be merged
 * @param repeatInterval        how often a still-firing alert is sent again
 * @param externalUrl           where a human can see this daemon; copied into every notification ("" when unknown)
 * @param retryInitialBackoff   the delay before the first retry of a failed delivery (doubled per failure)
 * @param retryMaxBackoff       the longest delay between two retries
 * @param giveUpAfter           how long one notification may keep failing before it is given up
 * @param forDuration           how long an alert stays pending (silent) before it fires; a rule's {@code for}
 *                              label overrides it
 * @param resolveAfter          how long the condition must stay false before the resolve goes out (hysteresis:
 *                              an alert that fires again within it never resolved)
 * @param sendResolvedWhenMuted deliver the resolve of an alert whose firing was muted when it was due
 * @param groupBy               the labels whose values put alerts in one notification; {@code ["..."]} (the
 *                              default) means every label, i.e. one group per alert
 * @param groupInterval         how long a group that already spoke waits before it tells a change (0: at once)
 */
public record AlertingOptions(
        Duration groupWait,
        Duration repeatInterval,
        String externalUrl,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        Duration giveUpAfter,
        Duration forDuration,
        Duration resolveAfter,
        boolean sendResolvedWhenMuted,
        List<String> groupBy,
        Duration groupInterval) {

    public AlertingOptions {
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        Objects.requireNonNull(retryInitialBackoff, "retryInitialBackoff");
        Objects.requireNonNull(retryMaxBackoff, "retryMaxBackoff");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(forDuration, "forDuration");
        Objects.requireNonNull(resolveAfter, "resolveAfter");
        Objects.requireNonNull(groupInterval, "groupInterval");
        groupBy = List.copyOf(groupBy);
        if (groupBy.isEmpty()) {
            throw new IllegalArgumentException("alerting groupBy must name at least one label, or \"...\" for all");
        }
        requireNotNegative("groupInterval", groupInterval);
        externalUrl = externalUrl == null ? "" : externalUrl;
        requireNotNegative("groupWait", groupWait);
        requireNotNegative("for", forDuration);
        requireNotNegative("resolveAfter", resolveAfter);
        requirePositive("repeatInterval", repeatInterval);
        requirePositive("giveUpAfter", giveUpAfter);
        // Backoff validates the pair; building it here makes a bad pair fail at configuration time.
        retryBackoff(retryInitialBackoff, retryMaxBackoff);
    }

    /**
     * 1 s group wait, 4 h repeat, retries from 1 s doubling up to 5 min, give up after 24 h, no {@code for},
     * resolves at once, no resolve for a muted alert, one group per alert, changes told at once.
     */
    public static AlertingOptions defaults() {
        return new AlertingOptions(Duration.ofSeconds(1), Duration.ofHours(4), "",
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ZERO, Duration.ZERO, false,
                List.of(NotificationGroups.ALL_LABELS), Duration.ZERO);
    }

    /** The options the {@code alerting:} section asks for (retry backoff stays at its defaults). */
    public static AlertingOptions from(AlertingConfig config, String externalUrl) {
        return defaults().withGroupWait(config.groupWait()).withRepeatInterval(config.repeatInterval())
                .withExternalUrl(externalUrl).withGiveUpAfter(config.giveUpAfter())
                .withHysteresis(config.pendingFor(), config.resolveAfter(), config.sendResolvedWhenMuted())
                .withGrouping(config.groupBy(), config.groupInterval());
    }

    public AlertingOptions withGroupWait(Duration value) {
        return new AlertingOptions(value, repeatInterval, externalUrl, retryInitialBackoff, retryMaxBackoff,
                giveUpAfter, forDuration, resolveAfter, sendResolvedWhenMuted, groupBy, groupInterval);
    }

    public AlertingOptions withRepeatInterval(Duration value) {
        return new AlertingOptions(groupWait, value, externalUrl, retryInitialBackoff, retryMaxBackoff,
                giveUpAfter, forDuration, resolveAfter, sendResolvedWhenMuted, groupBy, groupInterval);
    }

    public AlertingOptions withExternalUrl(String value) {
        return new AlertingOptions(groupWait, repeatInterval, value, retryInitialBackoff, retryMaxBackoff,
                giveUpAfter, forDuration, resolveAfter, sendResolvedWhenMuted, groupBy, groupInterval);
    }

    public AlertingOptions withRetryBackoff(Duration initial, Duration max) {
        return new AlertingOptions(groupWait, repeatInterval, externalUrl, initial, max,
                giveUpAfter, forDuration, resolveAfter, sendResolvedWhenMuted, groupBy, groupInterval);
    }

    public AlertingOptions withGiveUpAfter(Duration value) {
        return new AlertingOptions(groupWait, repeatInterval, externalUrl, retryInitialBackoff, retryMaxBackoff,
                value, forDuration, resolveAfter, sendResolvedWhenMuted, groupBy, groupInterval);
    }

    /** {@code for}, {@code resolveAfter} and {@code sendResolvedWhenMuted} together: the lifecycle's hysteresis. */
    public AlertingOptions withHysteresis(Duration pendingFor, Duration resolveDelay, boolean resolveWhenMuted) {
        return new AlertingOptions(groupWait, repeatInterval, externalUrl, retryInitialBackoff, retryMaxBackoff,
                giveUpAfter, pendingFor, resolveDelay, resolveWhenMuted, groupBy, groupInterval);
    }

    /** Alertmanager's {@code group_by} and {@code group_interval}. */
    public AlertingOptions withGrouping(List<String> labels, Duration interval) {
        return new AlertingOptions(groupWait, repeatInterval, externalUrl, retryInitialBackoff, retryMaxBackoff,
                giveUpAfter, forDuration, resolveAfter, sendResolvedWhenMuted, labels, interval);
    }

    /** {@code groupWait}, {@code groupInterval} and {@code repeatInterval}: the pace of a group without a route. */
    public GroupTimings timings() {
        return new GroupTimings(groupWait, groupInterval, repeatInterval);
    }

    /** Doubling from the initial delay up to the max, ±20 % jitter, never sooner than a receiver's Retry-After. */
    public Backoff retryBackoff() {
        return retryBackoff(retryInitialBackoff, retryMaxBackoff);
    }

    private static Backoff retryBackoff(Duration initial, Duration max) {
        return new Backoff(initial, max, 2.0, 0.2);
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("alerting " + name + " must not be negative, got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("alerting " + name + " must be positive, got " + value);
        }
    }
}

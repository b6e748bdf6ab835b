package io.seismo.daemon.alerting;

import io.seismo.sink.delivery.Backoff;

import java.time.Duration;
import java.util.Objects;

/**
 * How alerting paces notifications.
 *
 * @param groupWait           how long a new firing alert waits before its first notification, so that a cascade
 *                            arriving within it can still inhibit it and updates can be merged
 * @param repeatInterval      how often a still-firing alert is sent again
 * @param externalUrl         where a human can see this daemon; copied into every notification ("" when unknown)
 * @param retryInitialBackoff the delay before the first retry of a failed delivery (doubled per failure)
 * @param retryMaxBackoff     the longest delay between two retries
 * @param giveUpAfter         how long one notification may keep failing before it is given up
 */
public record AlertingOptions(
        Duration groupWait,
        Duration repeatInterval,
        String externalUrl,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        Duration giveUpAfter) {

    public AlertingOptions {
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        Objects.requireNonNull(retryInitialBackoff, "retryInitialBackoff");
        Objects.requireNonNull(retryMaxBackoff, "retryMaxBackoff");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        externalUrl = externalUrl == null ? "" : externalUrl;
        if (groupWait.isNegative()) {
            throw new IllegalArgumentException("alerting groupWait must not be negative, got " + groupWait);
        }
        requirePositive("repeatInterval", repeatInterval);
        requirePositive("giveUpAfter", giveUpAfter);
        // Backoff validates the pair; building it here makes a bad pair fail at configuration time.
        retryBackoff(retryInitialBackoff, retryMaxBackoff);
    }

    /** 1 s group wait, 4 h repeat, retries from 1 s doubling up to 5 min, give up after 1 h. */
    public static AlertingOptions defaults() {
        return new AlertingOptions(Duration.ofSeconds(1), Duration.ofHours(4), "",
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    public AlertingOptions withGroupWait(Duration value) {
        return new AlertingOptions(value, repeatInterval, externalUrl, retryInitialBackoff, retryMaxBackoff, giveUpAfter);
    }

    public AlertingOptions withRepeatInterval(Duration value) {
        return new AlertingOptions(groupWait, value, externalUrl, retryInitialBackoff, retryMaxBackoff, giveUpAfter);
    }

    public AlertingOptions withExternalUrl(String value) {
        return new AlertingOptions(groupWait, repeatInterval, value, retryInitialBackoff, retryMaxBackoff, giveUpAfter);
    }

    public AlertingOptions withRetryBackoff(Duration initial, Duration max) {
        return new AlertingOptions(groupWait, repeatInterval, externalUrl, initial, max, giveUpAfter);
    }

    public AlertingOptions withGiveUpAfter(Duration value) {
        return new AlertingOptions(groupWait, repeatInterval, externalUrl, retryInitialBackoff, retryMaxBackoff, value);
    }

    /** Doubling from the initial delay up to the max, ±20 % jitter, never sooner than a receiver's Retry-After. */
    public Backoff retryBackoff() {
        return retryBackoff(retryInitialBackoff, retryMaxBackoff);
    }

    private static Backoff retryBackoff(Duration initial, Duration max) {
        return new Backoff(initial, max, 2.0, 0.2);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("alerting " + name + " must be positive, got " + value);
        }
    }
}

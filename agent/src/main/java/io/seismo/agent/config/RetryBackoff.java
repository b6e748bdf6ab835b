package io.seismo.agent.config;

import java.time.Duration;

/** Bounds of the exponential backoff between attempts to deliver a batch the daemon did not take. */
public record RetryBackoff(Duration initialBackoff, Duration maxBackoff) {
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    public RetryBackoff {
        ConfigChecks.positive("retry.initialBackoff", initialBackoff);
        ConfigChecks.positive("retry.maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new AgentConfigException("retry.maxBackoff",
                    "must not be shorter than retry.initialBackoff (" + initialBackoff + "), was " + maxBackoff);
        }
    }
}

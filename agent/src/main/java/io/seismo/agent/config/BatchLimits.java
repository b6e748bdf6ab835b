package io.seismo.agent.config;

import java.time.Duration;

/**
 * When a batch is sent: once it holds {@code maxLines} lines or {@code maxBytes} bytes of body, or once
 * {@code linger} has passed since its first line, whichever comes first.
 */
public record BatchLimits(int maxLines, int maxBytes, Duration linger) {
    public static final BatchLimits DEFAULT = new BatchLimits(10_000, 4 << 20, Duration.ofMillis(200));

    public BatchLimits {
        ConfigChecks.atLeast("batch.maxLines", maxLines, 1);
        ConfigChecks.atLeast("batch.maxBytes", maxBytes, 1024);
        ConfigChecks.positive("batch.linger", linger);
    }
}

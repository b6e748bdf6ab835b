package io.seismo.agent.config;

import java.time.Duration;

/** The range checks every config record runs in its constructor, each naming the key it guards. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new AgentConfigException(key, "must not be empty");
        }
        return value;
    }

    static Duration positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new AgentConfigException(key, "must be a positive duration, was " + value);
        }
        return value;
    }

    static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new AgentConfigException(key, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    static <T> T present(String key, T value) {
        if (value == null) {
            throw new AgentConfigException(key, "is required");
        }
        return value;
    }
}

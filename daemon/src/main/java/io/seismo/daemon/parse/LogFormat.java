package io.seismo.daemon.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The line formats a source can declare. */
enum LogFormat {
    JSON, LOGFMT, REGEX, RAW,
    /** The agent's scraped metric samples; chosen by the {@code Seismo-Kind: metric} header, not by config. */
    METRIC;

    private static final String CHOICES = Arrays.stream(values())
            .map(LogFormat::configName)
            .collect(Collectors.joining(", "));

    static LogFormat named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parser format is missing; use one of " + CHOICES);
        }
        for (LogFormat format : values()) {
            if (format.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("parser format '" + name + "' is not one of " + CHOICES);
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.seismo.daemon.cli;

import io.seismo.daemon.config.Durations;
import picocli.CommandLine.ITypeConverter;

import java.time.Duration;

/** Reads a command-line duration the way the config files write them ({@code 500ms}, {@code 2s}, {@code 10m}). */
public final class DurationOption implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse("duration", value);
    }
}

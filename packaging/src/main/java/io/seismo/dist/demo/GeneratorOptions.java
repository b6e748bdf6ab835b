package io.seismo.dist.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How the demo traffic is generated.
 *
 * @param dir               where {@code <service>.log} files are written (created if missing)
 * @param requestsPerSecond requests entering the system per second, spread evenly over the second
 * @param seed              seeds every random choice, so two runs with one seed tell the same story
 * @param clock             stamps {@code @timestamp}; the wall clock for a live demo
 */
public record GeneratorOptions(Path dir, int requestsPerSecond, long seed, Clock clock) {

    public static final int DEFAULT_REQUESTS_PER_SECOND = 100;
    public static final long DEFAULT_SEED = 42L;
    /** Above this the generator thread could not keep its pace on the two cores it shares. */
    public static final int MAX_REQUESTS_PER_SECOND = 20_000;

    public GeneratorOptions {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(clock, "clock");
        if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requestsPerSecond must be within 1.." + MAX_REQUESTS_PER_SECOND
                    + ", got " + requestsPerSecond);
        }
    }

    public GeneratorOptions(Path dir, int requestsPerSecond, long seed) {
        this(dir, requestsPerSecond, seed, Clock.systemUTC());
    }

    public GeneratorOptions(Path dir) {
        this(dir, DEFAULT_REQUESTS_PER_SECOND, DEFAULT_SEED);
    }
}

package io.seismo.dist.demo;

import java.util.Objects;
import java.util.Random;

/**
 * How a call ends: the level of its outcome line, how long the service itself spends, and what it says.
 *
 * @param minMs the service's own time, excluding callees, lower bound (inclusive)
 * @param maxMs upper bound (inclusive)
 */
record Remark(Level level, int minMs, int maxMs, Phrase phrase) {

    Remark {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(phrase, "phrase");
        if (minMs < 0 || maxMs < minMs) {
            throw new IllegalArgumentException("bad latency range " + minMs + ".." + maxMs + " ms");
        }
    }

    long drawMs(Random random) {
        return minMs + random.nextInt(maxMs - minMs + 1);
    }
}

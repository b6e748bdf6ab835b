package io.seismo.daemon.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The high-water byte offset per source (file identity) of lines already in the ring, so that an agent's
 * retry of a batch the daemon already took is dropped and counted instead of counted twice. Advanced when a
 * batch is published. Held in memory: it does not survive a restart until checkpoints carry it (issue 3).
 */
public final class SourceOffsets {
    /** Offsets below this are duplicates; a source never seen has nothing below it. */
    static final long NONE = -1;
    private static final int MAX_SOURCES = 100_000;
    private final Map<String, Long> highWater = new ConcurrentHashMap<>();

    long highWater(String source) {
        return source == null ? NONE : highWater.getOrDefault(source, NONE);
    }

    /** Records that every line of {@code source} that starts before {@code nextOffset} is in. */
    void advance(String source, long nextOffset) {
        if (source == null || (highWater.size() >= MAX_SOURCES && !highWater.containsKey(source))) {
            return;
        }
        highWater.merge(source, nextOffset, Math::max);
    }
}

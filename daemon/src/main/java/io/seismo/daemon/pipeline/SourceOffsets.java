package io.seismo.daemon.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The high-water byte offset per source (file identity): offsets below it are lines already taken, so an
 * agent's retry of a batch the daemon has is dropped and counted instead of counted twice. Two copies run:
 * ingest's, advanced when a batch is published (it runs ahead of the ring), and the correlator stage's,
 * advanced as lines are correlated, which is the one a checkpoint saves and recovery restores into both.
 * Safe from any thread.
 */
public final class SourceOffsets {
    /** Offsets below this are duplicates; a source never seen has nothing below it. */
    public static final long NONE = -1;
    private static final int MAX_SOURCES = 100_000;
    // A mutable mark per source: the correlator advances one for every line, without boxing a Long each time.
    private final Map<String, AtomicLong> highWater = new ConcurrentHashMap<>();

    public long highWater(String source) {
        AtomicLong mark = source == null ? null : highWater.get(source);
        return mark == null ? NONE : mark.get();
    }

    /** Records that every line of {@code source} that starts before {@code nextOffset} is in. */
    public void advance(String source, long nextOffset) {
        if (source == null) {
            return;
        }
        AtomicLong mark = highWater.get(source);
        if (mark == null) {
            if (highWater.size() >= MAX_SOURCES) {
                return;
            }
            mark = highWater.computeIfAbsent(source, s -> new AtomicLong(NONE));
        }
        mark.accumulateAndGet(nextOffset, Math::max);
    }

    /** Raises every source to at least the given high-water marks (a checkpoint's). */
    public void advanceAll(Map<String, Long> marks) {
        marks.forEach(this::advance);
    }

    /** A copy of every high-water mark now. */
    public Map<String, Long> snapshot() {
        Map<String, Long> marks = new HashMap<>();
        highWater.forEach((source, mark) -> marks.put(source, mark.get()));
        return marks;
    }
}

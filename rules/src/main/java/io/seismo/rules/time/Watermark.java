package io.seismo.rules.time;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event-time progress over several sources (log files, scrape targets): each source's own progress is its
 * newest event time minus the allowed lateness, and the watermark is the slowest progress among the sources
 * still sending, so that one file read behind another (an agent catching up after a restart) does not make
 * the other's events late. It never goes back; events behind it are late.
 *
 * <p>Sources and input stop (a quiet service, a replayed log that has ended). The host ticks this with
 * processing time: a source that has sent nothing for {@code idleTimeoutNanos} no longer holds the watermark
 * back, and once no source at all has sent anything for that long, the watermark moves forward by the
 * processing time that passes. Processing time is only ever compared with itself, never with event time.
 */
public final class Watermark {
    /** The watermark before the first event. */
    public static final long NONE = Long.MIN_VALUE;
    /** Sources remembered at once; the one heard from least recently is forgotten first. */
    public static final int MAX_SOURCES = 10_000;
    private static final String NO_SOURCE = "";

    private final long allowedLatenessNanos;
    private final long idleTimeoutNanos;
    /** Access order: the eldest entry is the source heard from least recently. */
    private final Map<String, SourceProgress> sources = new LinkedHashMap<>(16, 0.75f, true);
    private long newestEventNanos = NONE;
    private long watermarkNanos = NONE;
    /** The active source with the least progress; null when it must be looked for again. */
    private SourceProgress slowest;
    private boolean ticked;
    private long lastTickNanos;
    private long lastActivityNanos;
    private boolean eventSinceTick;

    /** One source's progress, and the processing time it was last heard from (as of the last tick). */
    private static final class SourceProgress {
        long newestNanos = NONE;
        long lastHeardTickNanos;
        boolean active = true;
    }

    public Watermark(long allowedLatenessNanos, long idleTimeoutNanos) {
        if (allowedLatenessNanos < 0 || idleTimeoutNanos < 0) {
            throw new IllegalArgumentException("lateness and idle timeout must not be negative");
        }
        this.allowedLatenessNanos = allowedLatenessNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /** Takes an event time from a single, unnamed source into account; returns true when the watermark moved. */
    public boolean observe(long eventNanos) {
        return observe(NO_SOURCE, eventNanos);
    }

    /** Takes an event time from {@code source} (null: the unnamed one) into account; true when the watermark moved. */
    public boolean observe(String source, long eventNanos) {
        eventSinceTick = true;
        newestEventNanos = newestEventNanos == NONE ? eventNanos : Math.max(newestEventNanos, eventNanos);
        SourceProgress progress = sources.get(source == null ? NO_SOURCE : source);
        if (progress == null) {
            progress = remember(source == null ? NO_SOURCE : source);
        }
        progress.lastHeardTickNanos = lastTickNanos;
        boolean wasSlowest = progress == slowest || !progress.active;
        progress.active = true;
        if (progress.newestNanos != NONE && eventNanos <= progress.newestNanos) {
            return false;
        }
        progress.newestNanos = eventNanos;
        if (slowest != null && !wasSlowest && progress.newestNanos >= slowest.newestNanos) {
            // Another source holds the watermark back; this one getting ahead changes nothing.
            return false;
        }
        slowest = null;
        return moveTo(slowestActiveProgress());
    }

    /** Takes a processing-time tick; returns true when the watermark moved because sources went idle. */
    public boolean tick(long processingNanos) {
        if (!ticked) {
            ticked = true;
            lastTickNanos = processingNanos;
            lastActivityNanos = processingNanos;
            eventSinceTick = false;
            sources.values().forEach(progress -> progress.lastHeardTickNanos = processingNanos);
            return false;
        }
        long elapsed = Math.max(0, processingNanos - lastTickNanos);
        lastTickNanos = Math.max(lastTickNanos, processingNanos);
        boolean moved = releaseIdleSources();
        if (eventSinceTick) {
            eventSinceTick = false;
            lastActivityNanos = lastTickNanos;
            return moved;
        }
        if (watermarkNanos == NONE || elapsed == 0 || lastTickNanos - lastActivityNanos < idleTimeoutNanos) {
            return moved;
        }
        watermarkNanos += elapsed;
        return true;
    }

    public boolean started() {
        return watermarkNanos != NONE;
    }

    /** The current watermark, {@link #NONE} before the first event. */
    public long nanos() {
        return watermarkNanos;
    }

    public boolean isLate(long eventNanos) {
        return watermarkNanos != NONE && eventNanos < watermarkNanos;
    }

    /** Sources remembered now, idle ones included. */
    public int sources() {
        return sources.size();
    }

    /**
     * Saves the event-time part only: the watermark and each source's newest event time. The idle clock is
     * processing time from {@code System.nanoTime()}, which means nothing in another JVM, so it is
     * deliberately not saved: after a restore every source counts as just heard from, and the clock starts
     * again at the first tick, exactly as in a new engine.
     */
    public void writeTo(StateOutput out) {
        out.writeLong(newestEventNanos);
        out.writeLong(watermarkNanos);
        out.writeInt(sources.size());
        // Iterating a map in access order does not count as access, so this keeps the eviction order.
        for (Map.Entry<String, SourceProgress> entry : sources.entrySet()) {
            out.writeString(entry.getKey());
            out.writeLong(entry.getValue().newestNanos);
        }
    }

    /** Takes the event-time part back from a snapshot; the idle clock starts at the next tick. */
    public void restore(Saved saved) {
        newestEventNanos = saved.newestEventNanos();
        watermarkNanos = saved.watermarkNanos();
        sources.clear();
        for (Saved.Source source : saved.sources()) {
            remember(source.name()).newestNanos = source.newestNanos();
        }
        slowest = null;
    }

    private SourceProgress remember(String source) {
        if (sources.size() >= MAX_SOURCES) {
            Iterator<SourceProgress> eldest = sources.values().iterator();
            if (eldest.next() == slowest) {
                slowest = null;
            }
            eldest.remove();
        }
        SourceProgress progress = new SourceProgress();
        progress.lastHeardTickNanos = lastTickNanos;
        sources.put(source, progress);
        return progress;
    }

    /** Marks sources not heard from for the idle timeout as idle; true when that moved the watermark. */
    private boolean releaseIdleSources() {
        boolean released = false;
        for (SourceProgress progress : sources.values()) {
            if (progress.active && lastTickNanos - progress.lastHeardTickNanos >= idleTimeoutNanos) {
                progress.active = false;
                released = true;
            }
        }
        if (!released) {
            return false;
        }
        slowest = null;
        return moveTo(slowestActiveProgress());
    }

    /** The least progress among active sources (and remembers which source has it); NONE when none is active. */
    private long slowestActiveProgress() {
        SourceProgress found = null;
        for (SourceProgress progress : sources.values()) {
            if (progress.active && progress.newestNanos != NONE
                    && (found == null || progress.newestNanos < found.newestNanos)) {
                found = progress;
            }
        }
        slowest = found;
        return found == null ? NONE : found.newestNanos - allowedLatenessNanos;
    }

    private boolean moveTo(long candidate) {
        if (candidate != NONE && (watermarkNanos == NONE || candidate > watermarkNanos)) {
            watermarkNanos = candidate;
            return true;
        }
        return false;
    }

    /** The event-time part of a watermark as {@link #writeTo} saved it. */
    public record Saved(long newestEventNanos, long watermarkNanos, List<Source> sources) {
        public Saved {
            sources = List.copyOf(sources);
        }

        /** One source's newest event time. */
        public record Source(String name, long newestNanos) {
        }

        public static Saved readFrom(StateInput in) {
            long newest = in.readTimeOr(NONE, "newest event time");
            long mark = in.readTimeOr(NONE, "watermark");
            if ((newest == NONE) != (mark == NONE)) {
                throw new CorruptStateException("watermark " + mark + " and newest event time " + newest
                        + " must both be set or both be unset");
            }
            int count = in.readCount("watermark sources", MAX_SOURCES, 10);
            List<Source> sources = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sources.add(new Source(in.readString("watermark source"), in.readTimeOr(NONE, "source event time")));
            }
            return new Saved(newest, mark, sources);
        }

        public boolean started() {
            return watermarkNanos != NONE;
        }
    }
}

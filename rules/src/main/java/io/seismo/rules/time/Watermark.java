package io.seismo.rules.time;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

/**
 * Event-time progress: the watermark is the newest event time seen minus the allowed lateness, and never
 * goes back. Events behind it are late.
 *
 * <p>Input can stop (a quiet service, a replayed log that has ended); then nothing moves event time and
 * windows would stay open forever. So the host ticks this with processing time, and once no event has
 * arrived for {@code idleTimeoutNanos} of processing time, the watermark moves forward by the processing
 * time that passes. Processing time is only ever compared with itself, never with event time.
 */
public final class Watermark {
    /** The watermark before the first event. */
    public static final long NONE = Long.MIN_VALUE;

    private final long allowedLatenessNanos;
    private final long idleTimeoutNanos;
    private long newestEventNanos = NONE;
    private long watermarkNanos = NONE;
    private boolean ticked;
    private long lastTickNanos;
    private long lastActivityNanos;
    private boolean eventSinceTick;

    public Watermark(long allowedLatenessNanos, long idleTimeoutNanos) {
        if (allowedLatenessNanos < 0 || idleTimeoutNanos < 0) {
            throw new IllegalArgumentException("lateness and idle timeout must not be negative");
        }
        this.allowedLatenessNanos = allowedLatenessNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /** Takes an event time into account; returns true when the watermark moved. */
    public boolean observe(long eventNanos) {
        eventSinceTick = true;
        if (newestEventNanos != NONE && eventNanos <= newestEventNanos) {
            return false;
        }
        newestEventNanos = eventNanos;
        long candidate = eventNanos - allowedLatenessNanos;
        if (watermarkNanos == NONE || candidate > watermarkNanos) {
            watermarkNanos = candidate;
            return true;
        }
        return false;
    }

    /** Takes a processing-time tick; returns true when the watermark moved because input is idle. */
    public boolean tick(long processingNanos) {
        if (!ticked) {
            ticked = true;
            lastTickNanos = processingNanos;
            lastActivityNanos = processingNanos;
            eventSinceTick = false;
            return false;
        }
        long elapsed = Math.max(0, processingNanos - lastTickNanos);
        lastTickNanos = Math.max(lastTickNanos, processingNanos);
        if (eventSinceTick) {
            eventSinceTick = false;
            lastActivityNanos = lastTickNanos;
            return false;
        }
        if (watermarkNanos == NONE || elapsed == 0 || lastTickNanos - lastActivityNanos < idleTimeoutNanos) {
            return false;
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

    /**
     * Saves the event-time part only. The idle clock is processing time from {@code System.nanoTime()},
     * which means nothing in another JVM, so it is deliberately not saved: after a restore it starts again
     * at the first tick, exactly as in a new engine.
     */
    public void writeTo(StateOutput out) {
        out.writeLong(newestEventNanos);
        out.writeLong(watermarkNanos);
    }

    /** Takes the event-time part back from a snapshot; the idle clock starts at the next tick. */
    public void restore(Saved saved) {
        newestEventNanos = saved.newestEventNanos();
        watermarkNanos = saved.watermarkNanos();
    }

    /** The event-time part of a watermark as {@link #writeTo} saved it. */
    public record Saved(long newestEventNanos, long watermarkNanos) {

        public static Saved readFrom(StateInput in) {
            long newest = in.readTimeOr(NONE, "newest event time");
            long mark = in.readTimeOr(NONE, "watermark");
            if ((newest == NONE) != (mark == NONE)) {
                throw new CorruptStateException("watermark " + mark + " and newest event time " + newest
                        + " must both be set or both be unset");
            }
            return new Saved(newest, mark);
        }

        public boolean started() {
            return watermarkNanos != NONE;
        }
    }
}

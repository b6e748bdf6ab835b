package io.seismo.rules.detect;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.WindowCounts;

/**
 * What a session rule knows of one key: its open session (first and last event, counts, the first events as
 * evidence), the outcome of a session that ended before the watermark reached its end, and whether the key
 * fires and until when. Mutable, confined to the engine's thread.
 */
final class Session {
    static final long NONE = Long.MIN_VALUE;
    static final int MIN_SAVED_BYTES = 5 * Long.BYTES + EvidenceSamples.MIN_SAVED_BYTES
            + 1 + 5 * Long.BYTES + EvidenceSamples.MIN_SAVED_BYTES + 1 + Long.BYTES;

    long startNanos = NONE;
    long lastNanos = NONE;
    long events;
    long errors;
    long warnings;
    EvidenceSamples samples = new EvidenceSamples();
    /** A session that ended (a later event came more than a gap after it) and held, not yet reported. */
    boolean endedHolding;
    long endedStartNanos = NONE;
    long endedAtNanos = NONE;
    long endedEvents;
    long endedErrors;
    long endedWarnings;
    EvidenceSamples endedSamples = new EvidenceSamples();
    boolean firing;
    long firingUntilNanos = NONE;

    boolean isOpen() {
        return events > 0;
    }

    boolean isEmpty() {
        return !isOpen() && !endedHolding && !firing;
    }

    void see(Event event, long eventNanos, DetectorLimits limits) {
        startNanos = startNanos == NONE ? eventNanos : Math.min(startNanos, eventNanos);
        lastNanos = Math.max(lastNanos, eventNanos);
        events++;
        errors += event.isError() ? 1 : 0;
        warnings += event.getLevel() == Level.WARN ? 1 : 0;
        samples.add(event.getMessage(), event.getTraceId(), limits);
    }

    void countsInto(WindowCounts counts) {
        counts.set(events, errors, warnings);
    }

    Evidence evidence() {
        return samples.evidence();
    }

    /** Keeps the outcome of the open session, which ended at {@code endNanos}, for the next evaluation. */
    void endHolding(long endNanos) {
        if (!endedHolding) {
            endedStartNanos = startNanos;
        }
        endedHolding = true;
        endedAtNanos = Math.max(endedAtNanos, endNanos);
        endedEvents = events;
        endedErrors = errors;
        endedWarnings = warnings;
        endedSamples = samples;
        clearOpen();
    }

    void clearOpen() {
        startNanos = NONE;
        lastNanos = NONE;
        events = 0;
        errors = 0;
        warnings = 0;
        samples = new EvidenceSamples();
    }

    void clearEnded() {
        endedHolding = false;
        endedStartNanos = NONE;
        endedAtNanos = NONE;
        endedEvents = 0;
        endedErrors = 0;
        endedWarnings = 0;
        endedSamples = new EvidenceSamples();
    }

    void writeTo(StateOutput out) {
        out.writeLong(startNanos);
        out.writeLong(lastNanos);
        out.writeLong(events);
        out.writeLong(errors);
        out.writeLong(warnings);
        samples.writeTo(out);
        out.writeBoolean(endedHolding);
        out.writeLong(endedStartNanos);
        out.writeLong(endedAtNanos);
        out.writeLong(endedEvents);
        out.writeLong(endedErrors);
        out.writeLong(endedWarnings);
        endedSamples.writeTo(out);
        out.writeBoolean(firing);
        out.writeLong(firingUntilNanos);
    }

    static Session readFrom(StateInput in, DetectorLimits limits) {
        Session session = new Session();
        session.startNanos = in.readTimeOr(NONE, "session start");
        session.lastNanos = in.readTimeOr(NONE, "session's last event");
        session.events = in.readCounter("session events");
        session.errors = in.readCounter("session errors");
        session.warnings = in.readCounter("session warnings");
        session.samples = EvidenceSamples.readFrom(in, limits);
        session.endedHolding = in.readBoolean("whether an ended session held");
        session.endedStartNanos = in.readTimeOr(NONE, "start of the ended session");
        session.endedAtNanos = in.readTimeOr(NONE, "end of the ended session");
        session.endedEvents = in.readCounter("ended session events");
        session.endedErrors = in.readCounter("ended session errors");
        session.endedWarnings = in.readCounter("ended session warnings");
        session.endedSamples = EvidenceSamples.readFrom(in, limits);
        session.firing = in.readBoolean("whether the key fires");
        session.firingUntilNanos = in.readTimeOr(NONE, "firing until");
        return session;
    }
}

package io.seismo.rules.detect;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

/**
 * What a rule that watches when keys are seen knows of one key: its first and last matching event, how
 * many matched, whether it fires, and the first events as evidence. Mutable, confined to the engine's thread.
 */
final class Sightings {
    static final int MIN_SAVED_BYTES = 3 * Long.BYTES + 1 + EvidenceSamples.MIN_SAVED_BYTES;

    long firstNanos;
    long lastNanos;
    long matches;
    boolean firing;
    final EvidenceSamples samples;

    private Sightings(long firstNanos, long lastNanos, EvidenceSamples samples) {
        this.firstNanos = firstNanos;
        this.lastNanos = lastNanos;
        this.samples = samples;
    }

    static Sightings startingAt(long eventNanos) {
        return new Sightings(eventNanos, eventNanos, new EvidenceSamples());
    }

    void see(Event event, long eventNanos, DetectorLimits limits) {
        firstNanos = Math.min(firstNanos, eventNanos);
        lastNanos = Math.max(lastNanos, eventNanos);
        matches++;
        samples.add(event.getMessage(), event.getTraceId(), limits);
    }

    void writeTo(StateOutput out) {
        out.writeLong(firstNanos);
        out.writeLong(lastNanos);
        out.writeLong(matches);
        out.writeBoolean(firing);
        samples.writeTo(out);
    }

    static Sightings readFrom(StateInput in, DetectorLimits limits) {
        long first = in.readTime("first match");
        long last = in.readTime("last match");
        long matches = in.readCounter("matches");
        boolean firing = in.readBoolean("whether the key fires");
        Sightings seen = new Sightings(first, last, EvidenceSamples.readFrom(in, limits));
        seen.matches = matches;
        seen.firing = firing;
        return seen;
    }
}

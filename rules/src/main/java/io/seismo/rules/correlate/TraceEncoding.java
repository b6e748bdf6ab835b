package io.seismo.rules.correlate;

import io.seismo.rules.state.StateInput;

/**
 * How a snapshot saved its open traces. A checkpoint holds every open trace, a million of them flat out, every
 * ten seconds, so their bytes are most of what the correlator captures and the checkpoint writer writes.
 */
public enum TraceEncoding {
    /** Snapshot format 2: numbers at their full width, ids as text. Read, no longer written. */
    FIXED_WIDTH,
    /**
     * Snapshot format 3: counts, indexes and times after the trace's start as variable-length numbers, flags
     * in one byte, and hex ids two digits to a byte.
     */
    COMPACT;

    /** A count of a trace's entries of at least {@code minBytesEach} bytes each in this encoding, up to {@code max}. */
    int readCount(StateInput in, String what, int max, int minBytesEach) {
        return this == COMPACT ? in.readVarCount(what, max, minBytesEach) : in.readCount(what, max, minBytesEach);
    }

    /** A time of a trace at or after its start, {@code startNanos}. */
    long readTimeAfter(StateInput in, long startNanos, String what) {
        return this == COMPACT ? in.readTimeAfter(startNanos, what) : in.readTime(what);
    }

    /** The index of one of a trace's services. */
    int readIndex(StateInput in, String what) {
        return this == COMPACT ? in.readVarIndex(what) : in.readInt(what);
    }
}

package io.seismo.daemon.journal;

/**
 * A place in the journal: the segment number and the byte offset in it just past the last committed record.
 * A checkpoint stores one; recovery replays every record from it on.
 */
public record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {
    public JournalPosition {
        if (segment < 0 || offset < 0) {
            throw new IllegalArgumentException("a journal position is never negative: " + segment + "/" + offset);
        }
    }

    @Override
    public int compareTo(JournalPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}

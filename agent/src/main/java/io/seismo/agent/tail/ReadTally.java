package io.seismo.agent.tail;

/** What one read pass over a file produced, for the counters. */
public record ReadTally(int lines, long bytes, int truncatedLines) {
    public static final ReadTally NONE = new ReadTally(0, 0, 0);
}

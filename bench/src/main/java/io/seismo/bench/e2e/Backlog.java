package io.seismo.bench.e2e;

import java.util.function.LongSupplier;

/**
 * How far the generator may run ahead of the daemon at {@code --rate max}: at most {@code maxLines} lines written
 * and not yet ingested. A generator that writes ten times what the pipeline takes measures nothing more than one
 * that stays a few seconds ahead, but it takes half a core from the daemon it shares the machine with.
 *
 * @param maxLines lines written and not yet delivered, at most; 0 for no bound
 * @param delivered the lines delivered so far (as last seen)
 */
record Backlog(long maxLines, LongSupplier delivered) {
    static final Backlog UNBOUNDED = new Backlog(0, () -> 0);

    Backlog {
        if (maxLines < 0) {
            throw new IllegalArgumentException("a backlog bound cannot be negative: " + maxLines);
        }
    }

    /** Whether another line may be written after {@code written}. */
    boolean allowsAnother(long written) {
        return maxLines == 0 || written - delivered.getAsLong() < maxLines;
    }
}

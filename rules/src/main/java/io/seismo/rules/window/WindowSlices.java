package io.seismo.rules.window;

/**
 * Counts of part of a key's retained window, for rules that compare two stretches of time (a spike's
 * current window against its trailing baseline). A reusable scratch holder owned by the evaluating thread.
 */
public final class WindowSlices {
    private final long bucketNanos;
    private final WindowCounts scratch = new WindowCounts();

    /** {@code spec}: the windows the key's buckets were cut for; slices must fall on its buckets. */
    public WindowSlices(WindowSpec spec) {
        this.bucketNanos = spec.bucketNanos();
    }

    /** The key's counts over [{@code fromNanos}, {@code toNanos}); valid until the next call. */
    public WindowCounts between(WindowedKey key, long fromNanos, long toNanos) {
        key.sum(Math.floorDiv(fromNanos, bucketNanos), Math.floorDiv(toNanos, bucketNanos), scratch);
        return scratch;
    }
}

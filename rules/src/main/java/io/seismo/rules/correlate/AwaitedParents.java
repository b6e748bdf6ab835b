package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;

/**
 * The services of child spans that arrived before their parent span, by the parent's span id, each pair once.
 * In a trace whose lines arrive out of order this is common (a single child span whose parent has not been
 * seen), so pairs are kept as {@link SpanEntries}, not as a map of lists of strings per trace.
 */
final class AwaitedParents {
    private final SpanEntries pairs = new SpanEntries();

    /** Pairs of a parent span and a child's service. */
    int size() {
        return pairs.size();
    }

    /** Forgets every pair, keeping the array for the next ones. */
    void clear() {
        pairs.clear();
    }

    /** The bytes the pairs' array holds on to, used or not. */
    int retainedBytes() {
        return pairs.retainedBytes();
    }

    /** Whether some child awaits {@code parent}. */
    boolean awaits(SpanKey parent) {
        return pairs.positionOf(parent, 0) >= 0;
    }

    /** Records that a child of {@code service} awaits {@code parent}; false when that pair was recorded. */
    boolean await(SpanKey parent, int service) {
        for (int at = pairs.positionOf(parent, 0); at >= 0; at = pairs.positionOf(parent, at + 1)) {
            if (pairs.valueAt(at) == service) {
                return false;
            }
        }
        pairs.add(parent, service);
        return true;
    }

    /**
     * The service of the first child awaiting {@code parent}, forgotten as it is returned; -1 when none is left. A
     * loop takes them all, first awaited first, without a callback to allocate for each arriving span.
     */
    int takeChild(SpanKey parent) {
        int at = pairs.positionOf(parent, 0);
        if (at < 0) {
            return -1;
        }
        int service = pairs.valueAt(at);
        pairs.remove(at);
        return service;
    }

    /**
     * Saves the pairs grouped by parent, in the order each parent was first awaited: the number of parents,
     * then for each its span id, the number of children and their services.
     */
    void writeTo(StateOutput out) {
        int parents = 0;
        for (int i = 0; i < pairs.size(); i++) {
            parents += isFirstOfItsParent(i) ? 1 : 0;
        }
        out.writeInt(parents);
        for (int i = 0; i < pairs.size(); i++) {
            if (!isFirstOfItsParent(i)) {
                continue;
            }
            pairs.writeIdAt(i, out);
            int children = 0;
            for (int j = i; j < pairs.size(); j++) {
                children += pairs.sameId(i, j) ? 1 : 0;
            }
            out.writeInt(children);
            for (int j = i; j < pairs.size(); j++) {
                if (pairs.sameId(i, j)) {
                    out.writeInt(pairs.valueAt(j));
                }
            }
        }
    }

    private boolean isFirstOfItsParent(int position) {
        for (int i = 0; i < position; i++) {
            if (pairs.sameId(i, position)) {
                return false;
            }
        }
        return true;
    }
}

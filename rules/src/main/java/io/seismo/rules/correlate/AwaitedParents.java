package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;

/**
 * The services of child spans that arrived before their parent span, by the parent's span id, each pair once.
 * In a trace whose lines arrive out of order this is common (a single child span whose parent has not been
 * seen), so pairs are kept as {@link SpanEntries}, not as a map of lists of strings per trace; {@link #size}
 * counts the pairs.
 */
final class AwaitedParents extends SpanEntries {

    /** Whether some child awaits {@code parent}. */
    boolean awaits(SpanKey parent) {
        return find(parent, 0) >= 0;
    }

    /** Records that a child of {@code service} awaits {@code parent}; false when that pair was recorded. */
    boolean await(SpanKey parent, int service) {
        for (int at = find(parent, 0); at >= 0; at = find(parent, after(at))) {
            if (valueAt(at) == service) {
                return false;
            }
        }
        add(parent, service);
        return true;
    }

    /**
     * The service of the first child awaiting {@code parent}, forgotten as it is returned; -1 when none is left. A
     * loop takes them all, first awaited first, without a callback to allocate for each arriving span.
     */
    int takeChild(SpanKey parent) {
        int at = find(parent, 0);
        if (at < 0) {
            return -1;
        }
        int service = valueAt(at);
        remove(at);
        return service;
    }

    /**
     * Saves the pairs grouped by parent, in the order each parent was first awaited: the number of parents,
     * then for each its span id, the number of children and their services.
     */
    void writeTo(StateOutput out) {
        int parents = 0;
        for (int at = 0; at < end(); at = after(at)) {
            parents += isFirstOfItsParent(at) ? 1 : 0;
        }
        out.writeVarLong(parents);
        for (int at = 0; at < end(); at = after(at)) {
            if (!isFirstOfItsParent(at)) {
                continue;
            }
            writeIdAt(at, out);
            int children = 0;
            for (int other = at; other < end(); other = after(other)) {
                children += sameId(at, other) ? 1 : 0;
            }
            out.writeVarLong(children);
            for (int other = at; other < end(); other = after(other)) {
                if (sameId(at, other)) {
                    out.writeVarLong(valueAt(other));
                }
            }
        }
    }

    private boolean isFirstOfItsParent(int at) {
        for (int before = 0; before < at; before = after(before)) {
            if (sameId(before, at)) {
                return false;
            }
        }
        return true;
    }
}

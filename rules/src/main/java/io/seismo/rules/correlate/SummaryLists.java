package io.seismo.rules.correlate;

import java.util.Arrays;
import java.util.List;

/**
 * Collects the elements of one of a closed trace's summary lists and makes the immutable list of them, reused from
 * trace to trace. Under load a trace closes for about every line; with an array per list and {@code List.of} copying
 * it, the summaries were the correlator's largest allocation (JFR). Up to three elements, the usual count, the list is
 * made without an array of this class's (the JDK keeps one or two in fields, and three in the array it is given);
 * longer lists take a copy or two. Not thread-safe.
 *
 * @param <T> the elements' type
 */
final class SummaryLists<T> {
    private Object[] items = new Object[4];
    private int size;

    void add(T item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, 2 * size);
        }
        items[size++] = item;
    }

    /** The list of the elements added since the last call, in order; starts the next list. */
    @SuppressWarnings("unchecked")
    List<T> take() {
        List<T> list = switch (size) {
            case 0 -> List.of();
            case 1 -> List.of((T) items[0]);
            case 2 -> List.of((T) items[0], (T) items[1]);
            case 3 -> List.of((T) items[0], (T) items[1], (T) items[2]);
            default -> (List<T>) List.of(Arrays.copyOf(items, size));
        };
        Arrays.fill(items, 0, size, null); // hold no service or edge past its trace
        size = 0;
        return list;
    }
}

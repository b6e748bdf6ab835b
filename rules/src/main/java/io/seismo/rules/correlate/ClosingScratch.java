package io.seismo.rules.correlate;

/**
 * What closing a trace ({@link OpenTrace#close}) reuses from one trace to the next: the order of its services and
 * the lists of its summary being collected. One per {@link TraceAssembler}; not thread-safe.
 */
final class ClosingScratch {
    final SummaryLists<String> services = new SummaryLists<>();
    final SummaryLists<String> errorServices = new SummaryLists<>();
    final SummaryLists<ServiceEdge> edges = new SummaryLists<>();
    private int[] order = new int[8];

    /** An array of at least {@code count} ints, for the arrival order of a trace's services. */
    int[] order(int count) {
        if (count > order.length) {
            order = new int[Math.max(count, 2 * order.length)];
        }
        return order;
    }
}

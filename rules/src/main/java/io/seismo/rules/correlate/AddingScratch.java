package io.seismo.rules.correlate;

import java.util.ArrayDeque;

/**
 * What adding an event to a trace ({@link OpenTrace#add}) reuses from one event to the next: the keys its span
 * and parent span ids are encoded in, and spare {@link AwaitedParents}. A trace holds its table of children
 * awaiting a parent only while some child waits: most traces soon see their parents, and a million open traces
 * each holding an empty table would be two million objects for every collector cycle to mark. The tables go
 * from trace to trace through here instead, so none is made in the steady state. One per {@link TraceAssembler};
 * not thread-safe.
 */
final class AddingScratch {
    /** Enough for the bursts of traces that open children first; the steady state takes and gives back alike. */
    private static final int MAX_SPARE_TABLES = 4_096;

    final SpanKey span = new SpanKey();
    final SpanKey parent = new SpanKey();
    private final ArrayDeque<AwaitedParents> spareTables = new ArrayDeque<>();

    /** An empty table for a trace's first child that arrives before its parent. */
    AwaitedParents emptyAwaitedParents() {
        AwaitedParents table = spareTables.pollLast();
        return table != null ? table : new AwaitedParents();
    }

    /** Takes back a table a trace no longer needs (emptied or not); one too large for a reused trace is dropped. */
    void giveBack(AwaitedParents table) {
        if (spareTables.size() < MAX_SPARE_TABLES && table.retainedBytes() <= OpenTrace.MAX_REUSED_SPAN_BYTES) {
            table.clear();
            spareTables.addLast(table);
        }
    }

    int spareTables() {
        return spareTables.size();
    }
}

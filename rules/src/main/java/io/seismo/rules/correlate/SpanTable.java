package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * The spans a trace has seen, each with the arrival index of its service, in arrival order, as {@link
 * SpanEntries} (so saving them is one copy). Most traces have a handful of spans, scanned in turn; past {@link
 * #SCAN_LIMIT} a hash index joins them.
 */
final class SpanTable {
    static final int SCAN_LIMIT = 16;

    private final SpanEntries spans = new SpanEntries();
    private Map<String, Integer> index;

    int size() {
        return spans.size();
    }

    /** The service index of the span, or -1 when the span was not seen. */
    int serviceOf(SpanKey span) {
        int position = positionOf(span);
        return position < 0 ? -1 : spans.valueAt(position);
    }

    /** Adds the span unless it is there already; true when it was added. */
    boolean putIfAbsent(SpanKey span, int service) {
        if (positionOf(span) >= 0) {
            return false;
        }
        spans.add(span, service);
        int size = spans.size();
        if (index != null) {
            index.put(span.id(), size - 1);
        } else if (size > SCAN_LIMIT) {
            index = new HashMap<>(size * 2);
            // Only a trace this large keeps its span ids as strings too.
            for (int i = 0; i < size; i++) {
                index.put(spans.idAt(i), i);
            }
        }
        return true;
    }

    /** Forgets every span, keeping the array for the next ones. */
    void clear() {
        spans.clear();
        index = null;
    }

    /** The bytes the spans' array holds on to, used or not. */
    int retainedBytes() {
        return spans.retainedBytes();
    }

    /** The spans as a snapshot saves them: their count, then each span's id and service. */
    void writeTo(StateOutput out) {
        out.writeInt(spans.size());
        spans.writeTo(out);
    }

    private int positionOf(SpanKey span) {
        if (index != null) {
            Integer position = index.get(span.id());
            return position == null ? -1 : position;
        }
        return spans.positionOf(span, 0);
    }
}

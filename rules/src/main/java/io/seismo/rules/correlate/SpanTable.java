package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * The spans a trace has seen, each with the arrival index of its service, in arrival order, as {@link
 * SpanEntries} (so saving them is one copy). Most traces have a handful of spans, scanned in turn; past {@link
 * #SCAN_LIMIT} a hash index joins them.
 */
final class SpanTable extends SpanEntries {
    static final int SCAN_LIMIT = 16;

    /** From span id to where its entry is; entries are never taken out, so they stay where they are. */
    private Map<String, Integer> index;

    /** The service index of the span, or -1 when the span was not seen. */
    int serviceOf(SpanKey span) {
        int at = entryOf(span);
        return at < 0 ? -1 : valueAt(at);
    }

    /** Adds the span unless it is there already; true when it was added. */
    boolean putIfAbsent(SpanKey span, int service) {
        if (entryOf(span) >= 0) {
            return false;
        }
        int at = add(span, service);
        if (index != null) {
            index.put(span.id(), at);
        } else if (size() > SCAN_LIMIT) {
            index = new HashMap<>(size() * 2);
            // Only a trace this large keeps its span ids as strings too.
            for (int entry = 0; entry < end(); entry = after(entry)) {
                index.put(idAt(entry), entry);
            }
        }
        return true;
    }

    /** Forgets every span, keeping the array for the next ones. */
    @Override
    void clear() {
        super.clear();
        index = null;
    }

    /** The spans as a snapshot saves them: their count, then each span's id and service. */
    void writeTo(StateOutput out) {
        out.writeVarLong(size());
        writeEntriesTo(out);
    }

    private int entryOf(SpanKey span) {
        if (index != null) {
            Integer at = index.get(span.id());
            return at == null ? -1 : at;
        }
        return find(span, 0);
    }
}

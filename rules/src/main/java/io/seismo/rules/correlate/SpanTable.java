package io.seismo.rules.correlate;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The spans a trace has seen, each with the arrival index of its service, in arrival order. They are kept as
 * the bytes a snapshot saves them as (the span id as {@link StateOutput#writeString}, then the service as
 * {@link StateOutput#writeInt}), back to back in one array: a trace holds one array instead of two objects per
 * span, which a million open traces and every checkpoint of them feel, and saving the spans is one copy. Most
 * traces have a handful of spans, scanned in turn; past {@link #SCAN_LIMIT} a hash index joins them.
 */
final class SpanTable {
    static final int SCAN_LIMIT = 16;
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_ENDS = new int[0];

    private byte[] entries = NO_BYTES;
    private int used;
    /** Where each span's entry ends; its service is the entry's last four bytes. */
    private int[] ends = NO_ENDS;
    private int size;
    private Map<String, Integer> index;

    int size() {
        return size;
    }

    /** The service index of the span, or -1 when the span was not seen. */
    int serviceOf(SpanKey span) {
        int position = positionOf(span);
        return position < 0 ? -1 : serviceAt(position);
    }

    /** Adds the span unless it is there already; true when it was added. */
    boolean putIfAbsent(SpanKey span, int service) {
        if (positionOf(span) >= 0) {
            return false;
        }
        int length = span.length() + Integer.BYTES;
        if (used + length > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(used + length, 2 * entries.length));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(2, 2 * size));
        }
        span.copyInto(entries, used);
        used += length;
        for (int shift = 24, at = used - Integer.BYTES; shift >= 0; shift -= 8, at++) {
            entries[at] = (byte) (service >>> shift); // big-endian, as StateOutput.writeInt
        }
        ends[size++] = used;
        if (index != null) {
            index.put(span.id(), size - 1);
        } else if (size > SCAN_LIMIT) {
            index = new HashMap<>(size * 2);
            // Only a trace this large keeps its span ids as strings too.
            for (int i = 0; i < size; i++) {
                index.put(idAt(i), i);
            }
        }
        return true;
    }

    /** The spans as a snapshot saves them: their count, then each span's id and service. */
    void writeTo(StateOutput out) {
        out.writeInt(size);
        out.writeBytes(entries, 0, used);
    }

    private int positionOf(SpanKey span) {
        if (index != null) {
            Integer position = index.get(span.id());
            return position == null ? -1 : position;
        }
        for (int i = 0, start = 0; i < size; start = ends[i], i++) {
            if (span.matches(entries, start, ends[i] - Integer.BYTES)) {
                return i;
            }
        }
        return -1;
    }

    private int serviceAt(int position) {
        int at = ends[position] - Integer.BYTES;
        return (entries[at] & 0xff) << 24 | (entries[at + 1] & 0xff) << 16 | (entries[at + 2] & 0xff) << 8 | entries[at + 3] & 0xff;
    }

    private String idAt(int position) {
        int start = position == 0 ? 0 : ends[position - 1];
        return new StateInput(entries, start, ends[position] - start).readString("span id");
    }
}

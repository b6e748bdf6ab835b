package io.seismo.rules.window;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last few messages and trace ids of a key, kept as evidence for its findings. A fixed ring: recording
 * overwrites the oldest entry and never allocates. Strings are immutable, so keeping them copies them out
 * of the reusable event holder.
 */
final class SampleRing {
    private final String[] messages;
    private final String[] traceIds;
    private int next;
    private int size;

    SampleRing(int capacity) {
        messages = new String[capacity];
        traceIds = new String[capacity];
    }

    void record(String message, String traceId) {
        if (messages.length == 0) {
            return;
        }
        messages[next] = message;
        traceIds[next] = traceId;
        next = (next + 1) % messages.length;
        size = Math.min(size + 1, messages.length);
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        Arrays.fill(messages, null);
        Arrays.fill(traceIds, null);
        next = 0;
        size = 0;
    }

    /** Distinct non-null messages, newest first, at most {@code limit}. */
    List<String> messages(int limit) {
        return newestDistinct(messages, limit);
    }

    /** Distinct non-null trace ids, newest first, at most {@code limit}. */
    List<String> traceIds(int limit) {
        return newestDistinct(traceIds, limit);
    }

    /** Saves the entries oldest first, so that recording them again rebuilds the same ring. */
    void writeTo(StateOutput out) {
        out.writeInt(size);
        for (int i = size; i >= 1; i--) {
            int slot = Math.floorMod(next - i, messages.length);
            out.writeString(messages[slot]);
            out.writeString(traceIds[slot]);
        }
    }

    /** Records the saved entries into this empty ring; a smaller ring keeps the newest. */
    void readFrom(StateInput in, String what) {
        int saved = in.readCount(what, 2 * StateInput.MIN_NULLABLE_STRING_BYTES);
        for (int i = 0; i < saved; i++) {
            record(in.readNullableString(what), in.readNullableString(what));
        }
    }

    private List<String> newestDistinct(String[] values, int limit) {
        List<String> out = new ArrayList<>(Math.min(limit, size));
        for (int i = 1; i <= size && out.size() < limit; i++) {
            String value = values[Math.floorMod(next - i, values.length)];
            if (value != null && !out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }
}

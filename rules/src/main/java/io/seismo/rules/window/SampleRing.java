package io.seismo.rules.window;

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

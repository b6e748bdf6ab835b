package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;
import java.util.Arrays;

/**
 * A span id with its bytes as a snapshot saves it ({@link StateOutput#writeId}), encoded once per event so
 * that a {@link SpanTable} can compare it with the ids it keeps as bytes. Scratch space, reused event to event.
 */
final class SpanKey {
    private final StateOutput encoder = new StateOutput(64);
    private byte[] bytes = new byte[64];
    private int length;
    private CharSequence id;

    /** Holds {@code spanId} (not null; an event's reused holder is read now) and its encoding. */
    SpanKey set(CharSequence spanId) {
        id = spanId;
        encoder.reset();
        encoder.writeId(spanId);
        length = encoder.size();
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, 2 * bytes.length)];
        }
        encoder.copyInto(bytes, 0);
        return this;
    }

    /** The id as a String: only a trace with many spans indexes them by it. */
    String id() {
        return id.toString();
    }

    int length() {
        return length;
    }

    /** Whether {@code other[from, to)} holds exactly this key's encoding. */
    boolean matches(byte[] other, int from, int to) {
        return Arrays.equals(bytes, 0, length, other, from, to);
    }

    void copyInto(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, length);
    }
}

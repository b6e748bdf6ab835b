package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;
import java.util.Arrays;

/**
 * A span id with its bytes as a snapshot saves it ({@link StateOutput#writeString}), encoded once per event so
 * that a {@link SpanTable} can compare it with the ids it keeps as bytes. Scratch space, reused event to event.
 */
final class SpanKey {
    private final StateOutput encoder = new StateOutput(64);
    private byte[] bytes = new byte[64];
    private int length;
    private String id;

    /** Holds {@code spanId} (not null) and its encoding. */
    SpanKey set(String spanId) {
        id = spanId;
        encoder.reset();
        encoder.writeString(spanId);
        length = encoder.size();
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, 2 * bytes.length)];
        }
        encoder.copyInto(bytes, 0);
        return this;
    }

    String id() {
        return id;
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

package io.seismo.rules.window;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last few messages and trace ids of a key, kept as evidence for its findings. Each sample is kept as the
 * bytes a snapshot saves it as (message and trace id as {@link StateOutput#writeString}), encoded when it is
 * recorded, while its strings are still in the cache: a checkpoint then copies one array per key instead of
 * visiting ten strings scattered over the heap, and the strings themselves die young. Samples are decoded only
 * when a finding asks for evidence. Recording overwrites the oldest sample; the array grows to fit the newest
 * few and is reused from then on.
 */
final class SampleRing {
    private static final byte[] NONE = new byte[0];

    /** Bytes per sample that no first array needs to grow past: two strings of about 60 ASCII chars. */
    private static final int FIRST_SAMPLE_BYTES = 128;

    private final int[] lengths;
    /** The samples, oldest first, back to back: {@link #used} bytes of them. */
    private byte[] samples = NONE;
    private int used;
    private int size;

    SampleRing(int capacity) {
        lengths = new int[capacity];
    }

    /** Records a sample encoded in {@code sample} (its message, then its trace id). */
    void record(StateOutput sample) {
        int capacity = lengths.length;
        if (capacity == 0) {
            return;
        }
        if (size == capacity) {
            int oldest = lengths[0];
            System.arraycopy(samples, oldest, samples, 0, used - oldest);
            System.arraycopy(lengths, 1, lengths, 0, capacity - 1);
            used -= oldest;
            size--;
        }
        int length = sample.size();
        if (used + length > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(used + length, Math.max(capacity * FIRST_SAMPLE_BYTES, 2 * samples.length)));
        }
        sample.copyInto(samples, used);
        used += length;
        lengths[size++] = length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        used = 0;
        size = 0;
    }

    /** Distinct non-null messages, newest first, at most {@code limit}. */
    List<String> messages(int limit) {
        return newestDistinct(0, limit);
    }

    /** Distinct non-null trace ids, newest first, at most {@code limit}. */
    List<String> traceIds(int limit) {
        return newestDistinct(1, limit);
    }

    /** Saves the samples oldest first, so that recording them again rebuilds the same ring. */
    void writeTo(StateOutput out) {
        out.writeInt(size);
        out.writeBytes(samples, 0, used);
    }

    /** Records the saved samples into this empty ring; a smaller ring keeps the newest. */
    void readFrom(StateInput in, String what) {
        int saved = in.readCount(what, 2 * StateInput.MIN_NULLABLE_STRING_BYTES);
        StateOutput sample = new StateOutput(FIRST_SAMPLE_BYTES);
        for (int i = 0; i < saved; i++) {
            sample.reset();
            sample.writeString(in.readNullableString(what));
            sample.writeString(in.readNullableString(what));
            record(sample);
        }
    }

    /** Field {@code field} (0 message, 1 trace id) of the samples, newest first, distinct and non-null. */
    private List<String> newestDistinct(int field, int limit) {
        List<String> out = new ArrayList<>(Math.min(limit, size));
        int end = used;
        for (int i = size - 1; i >= 0 && out.size() < limit; i--) {
            int start = end - lengths[i];
            StateInput sample = new StateInput(samples, start, lengths[i]);
            String message = sample.readNullableString("sample message");
            String value = field == 0 ? message : sample.readNullableString("sample trace id");
            if (value != null && !out.contains(value)) {
                out.add(value);
            }
            end = start;
        }
        return out;
    }
}

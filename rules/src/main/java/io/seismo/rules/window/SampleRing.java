package io.seismo.rules.window;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few messages and trace ids of a key, kept as evidence for its findings. Each sample is kept as the
 * bytes a snapshot saves it as (message and trace id as {@link StateOutput#writeString}), encoded when it is
 * recorded, while its strings are still in the cache: a checkpoint then copies a key's samples from one array
 * instead of visiting ten strings scattered over the heap, and the strings themselves die young. Samples are
 * decoded only when a finding asks for evidence.
 *
 * <p>The array is used as a ring: a sample goes after the newest one, or at the start when it does not fit
 * there, and recording overwrites the oldest sample only once the ring holds its capacity; nothing is moved to
 * make room, so recording touches the new sample's bytes and its place alone. The array grows (the samples
 * laid out afresh, oldest first) only when the newest few do not fit, and is reused from then on.
 */
final class SampleRing {
    private static final byte[] NONE = new byte[0];

    /** Bytes per sample that no first array needs to grow past: two strings of about 60 ASCII chars. */
    private static final int FIRST_SAMPLE_BYTES = 128;

    /** Per sample, oldest at {@link #oldest}: its offset in {@link #samples} at 2i, its length at 2i + 1. */
    private final int[] places;
    private byte[] samples = NONE;
    private int oldest;
    private int size;

    SampleRing(int capacity) {
        places = new int[2 * capacity];
    }

    /** Records a sample encoded in {@code sample} (its message, then its trace id). */
    void record(StateOutput sample) {
        int capacity = places.length / 2;
        if (capacity == 0) {
            return;
        }
        if (size == capacity) {
            oldest = next(oldest);
            size--;
        }
        int length = sample.size();
        int at = freePlace(length);
        if (at < 0) {
            grow(length);
            at = size == 0 ? 0 : end(newest());
        }
        int slot = (oldest + size) % capacity;
        places[2 * slot] = at;
        places[2 * slot + 1] = length;
        size++;
        sample.copyInto(samples, at);
    }

    /** Where {@code length} bytes fit without touching a kept sample: after the newest, or at 0; -1 if nowhere. */
    private int freePlace(int length) {
        if (size == 0) {
            return length <= samples.length ? 0 : -1;
        }
        int from = end(newest());
        int oldestStart = places[2 * oldest];
        if (oldestStart < from) { // kept samples run from oldestStart to from: free after them and before them
            if (from + length <= samples.length) {
                return from;
            }
            return length <= oldestStart ? 0 : -1;
        }
        return from + length <= oldestStart ? from : -1; // wrapped: free between the newest and the oldest
    }

    /** A larger array holding the kept samples oldest first from 0, with room for {@code length} more bytes. */
    private void grow(int length) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            kept += places[2 * slotAt(i) + 1];
        }
        int capacity = places.length / 2;
        byte[] larger = new byte[Math.max(kept + length, Math.max(capacity * FIRST_SAMPLE_BYTES, 2 * samples.length))];
        int at = 0;
        for (int i = 0; i < size; i++) {
            int slot = slotAt(i);
            System.arraycopy(samples, places[2 * slot], larger, at, places[2 * slot + 1]);
            places[2 * slot] = at;
            at += places[2 * slot + 1];
        }
        samples = larger;
    }

    private int next(int slot) {
        return slot + 1 == places.length / 2 ? 0 : slot + 1;
    }

    /** The slot of the i-th sample, oldest first. */
    private int slotAt(int i) {
        return (oldest + i) % (places.length / 2);
    }

    private int newest() {
        return slotAt(size - 1);
    }

    private int end(int slot) {
        return places[2 * slot] + places[2 * slot + 1];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        oldest = 0;
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
        for (int i = 0; i < size; i++) {
            int slot = slotAt(i);
            out.writeBytes(samples, places[2 * slot], places[2 * slot + 1]);
        }
    }

    /** Saves what {@link #writeTo} saves for an empty ring. */
    static void writeEmpty(StateOutput out) {
        out.writeInt(0);
    }

    /** Reads what {@link #writeEmpty} wrote; anything else is corrupt. */
    static void readEmpty(StateInput in, String what) {
        in.readCount(what, 0, 0);
    }

    /**
     * Records the saved samples into this empty ring; a smaller ring keeps the newest. Returns how many were
     * saved.
     */
    int readFrom(StateInput in, String what) {
        int saved = in.readCount(what, 2 * StateInput.MIN_NULLABLE_STRING_BYTES);
        StateOutput sample = new StateOutput(FIRST_SAMPLE_BYTES);
        for (int i = 0; i < saved; i++) {
            sample.reset();
            sample.writeString(in.readNullableString(what));
            sample.writeString(in.readNullableString(what));
            record(sample);
        }
        return saved;
    }

    /** Field {@code field} (0 message, 1 trace id) of the samples, newest first, distinct and non-null. */
    private List<String> newestDistinct(int field, int limit) {
        List<String> out = new ArrayList<>(Math.min(limit, size));
        for (int i = size - 1; i >= 0 && out.size() < limit; i--) {
            int slot = slotAt(i);
            StateInput sample = new StateInput(samples, places[2 * slot], places[2 * slot + 1]);
            String message = sample.readNullableString("sample message");
            String value = field == 0 ? message : sample.readNullableString("sample trace id");
            if (value != null && !out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }
}

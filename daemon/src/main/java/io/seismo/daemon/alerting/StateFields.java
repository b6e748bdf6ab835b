package io.seismo.daemon.alerting;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pieces alerting's snapshot and outbox records are made of: labels, string lists, figures, times. Maps are
 * written sorted, so equal state always gives equal bytes; every read is checked by {@link StateInput}.
 */
final class StateFields {
    /** A map entry takes at least two strings. */
    private static final int MIN_ENTRY_BYTES = 2 * StateInput.MIN_STRING_BYTES;

    private StateFields() {
    }

    /** Sorted by name, so that equal maps always give equal bytes. */
    static void writeLabels(Map<String, String> labels, StateOutput out) {
        out.writeInt(labels.size());
        new TreeMap<>(labels).forEach((name, value) -> {
            out.writeString(name);
            out.writeString(value);
        });
    }

    static Map<String, String> readLabels(StateInput in) {
        int count = in.readCount("labels", MIN_ENTRY_BYTES);
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            labels.put(in.readString("label name"), in.readString("label value"));
        }
        return labels;
    }

    /** Measured figures, sorted by name like labels. */
    static void writeValues(Map<String, Double> values, StateOutput out) {
        out.writeInt(values.size());
        new TreeMap<>(values).forEach((name, value) -> {
            out.writeString(name);
            out.writeLong(Double.doubleToLongBits(value));
        });
    }

    static Map<String, Double> readValues(StateInput in) {
        int count = in.readCount("values", StateInput.MIN_STRING_BYTES + Long.BYTES);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put(in.readString("value name"), Double.longBitsToDouble(in.readLong("value")));
        }
        return values;
    }

    /** A list of non-null strings: its size, then each. */
    static void writeStrings(List<String> values, StateOutput out) {
        out.writeInt(values.size());
        values.forEach(out::writeString);
    }

    static List<String> readStrings(StateInput in, String what) {
        int count = in.readCount(what, StateInput.MIN_STRING_BYTES);
        List<String> values = new ArrayList<>(Math.min(count, 16)); // grown as strings arrive, not sized from a count
        for (int i = 0; i < count; i++) {
            values.add(in.readString(what));
        }
        return values;
    }

    /** An enum constant by name; an unknown name is corrupt input (IllegalArgumentException). */
    static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a " + type.getSimpleName(), e);
        }
    }

    static void writeDuration(Duration duration, StateOutput out) {
        out.writeLong(duration.getSeconds());
        out.writeInt(duration.getNano());
    }

    static Duration readDuration(StateInput in) {
        return Duration.ofSeconds(in.readLong("seconds"), readNanos(in));
    }

    static void writeInstant(Instant at, StateOutput out) {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    static Instant readInstant(StateInput in) {
        long seconds = in.readLong("seconds");
        return Instant.ofEpochSecond(seconds, readNanos(in)); // DateTimeException (a RuntimeException) past Instant.MAX
    }

    private static int readNanos(StateInput in) {
        int nanos = in.readInt("nanos");
        if (nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("nanos " + nanos + " out of range");
        }
        return nanos;
    }

    static void writeNullableInstant(Instant at, StateOutput out) {
        out.writeBoolean(at != null);
        if (at != null) {
            writeInstant(at, out);
        }
    }

    static Instant readNullableInstant(StateInput in) {
        return in.readBoolean("has time") ? readInstant(in) : null;
    }
}

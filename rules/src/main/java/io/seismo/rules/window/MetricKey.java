package io.seismo.rules.window;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One key of a metric rule: its series, and whether its condition held at the last boundary. */
public final class MetricKey {
    /** A key's distinct series (label sets, histogram buckets included) beyond this are dropped and counted. */
    public static final int MAX_SERIES = 512;
    static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 1 + Integer.BYTES;

    private final String key;
    private final Map<String, MetricSeries> series = new LinkedHashMap<>();
    private boolean holds;

    MetricKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean holds() {
        return holds;
    }

    /** Records whether the condition holds now; returns the change, if any. */
    public Transition update(boolean holdsNow) {
        Transition change = holdsNow == holds ? Transition.UNCHANGED : holdsNow ? Transition.STARTED : Transition.STOPPED;
        holds = holdsNow;
        return change;
    }

    /** The series a sample goes to, or null when the key already has {@link #MAX_SERIES}. */
    MetricSeries series(String seriesId, double bucketBound) {
        MetricSeries found = series.get(seriesId);
        if (found == null && series.size() < MAX_SERIES) {
            found = new MetricSeries(seriesId, bucketBound);
            series.put(seriesId, found);
        }
        return found;
    }

    void sum(long fromNanos, long toNanos, MetricFigures into) {
        into.reset();
        for (MetricSeries s : series.values()) {
            s.addTo(into, fromNanos, toNanos);
        }
    }

    void retainFrom(long fromNanos) {
        series.values().removeIf(s -> {
            s.retainFrom(fromNanos);
            return s.isEmpty();
        });
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /** The newest value of a few of its series, for a finding's evidence. */
    public List<String> evidence(int max) {
        List<String> lines = new ArrayList<>();
        for (MetricSeries s : series.values()) {
            if (lines.size() == max) {
                break;
            }
            if (!s.isBucket() && !s.isEmpty()) {
                lines.add(s.describeLast());
            }
        }
        return lines;
    }

    void writeTo(StateOutput out) {
        out.writeString(key);
        out.writeBoolean(holds);
        out.writeInt(series.size());
        for (MetricSeries s : series.values()) {
            s.writeTo(out);
        }
    }

    static MetricKey readFrom(StateInput in) {
        MetricKey state = new MetricKey(in.readString("metric key"));
        state.holds = in.readBoolean("holds");
        int count = in.readCount("series of " + state.key, MAX_SERIES, MetricSeries.MIN_SAVED_BYTES);
        for (int i = 0; i < count; i++) {
            MetricSeries s = MetricSeries.readFrom(in);
            if (state.series.put(s.id(), s) != null) {
                throw new CorruptStateException("series '" + s.id() + "' is saved twice");
            }
        }
        return state;
    }
}

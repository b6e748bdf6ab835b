package io.seismo.rules.window;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;

/**
 * The recent samples of one series (one metric name with one set of labels), in time order. Keeps only what a
 * window still to be evaluated covers, and at most {@link #MAX_SAMPLES}: a series scraped far more often than
 * its rule's window needs loses its oldest samples rather than growing without bound.
 */
public final class MetricSeries {
    public static final int MAX_SAMPLES = 4096;
    static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 2 * Long.BYTES + Integer.BYTES;

    private final String id;
    private final double bucketBound;
    private long[] times = new long[8];
    private double[] values = new double[8];
    private int size;
    private long samplesDropped;

    /** @param bucketBound the {@code le} of a histogram bucket series; NaN for any other series */
    public MetricSeries(String id, double bucketBound) {
        this.id = id;
        this.bucketBound = bucketBound;
    }

    public String id() {
        return id;
    }

    public boolean isBucket() {
        return !Double.isNaN(bucketBound);
    }

    public double bucketBound() {
        return bucketBound;
    }

    /** Adds a sample in time order; one at a time already held replaces it (a scrape seen twice). */
    public void add(long timeNanos, double value) {
        int at = size;
        while (at > 0 && times[at - 1] > timeNanos) {
            at--;
        }
        if (at > 0 && times[at - 1] == timeNanos) {
            values[at - 1] = value;
            return;
        }
        if (size == MAX_SAMPLES) {
            if (at == 0) {
                samplesDropped++;
                return;
            }
            shiftOut(1);
            at--;
            samplesDropped++;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        times[at] = timeNanos;
        values[at] = value;
        size++;
    }

    /** Forgets the samples before {@code fromNanos}. */
    public void retainFrom(long fromNanos) {
        int keep = 0;
        while (keep < size && times[keep] < fromNanos) {
            keep++;
        }
        shiftOut(keep);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long samplesDropped() {
        return samplesDropped;
    }

    /** Adds this series' samples in {@code [fromNanos, toNanos)} to {@code figures}. */
    public void addTo(MetricFigures figures, long fromNanos, long toNanos) {
        int first = firstAtOrAfter(fromNanos);
        int end = firstAtOrAfter(toNanos);
        if (first >= end) {
            return;
        }
        double increase = 0;
        for (int i = first + 1; i < end; i++) {
            // A counter that went down was reset (a restart): it counted from zero up to the new value.
            increase += values[i] >= values[i - 1] ? values[i] - values[i - 1] : values[i];
        }
        boolean hasRange = end - first >= 2;
        if (isBucket()) {
            if (hasRange) {
                figures.addBucketIncrease(bucketBound, increase);
            }
            return;
        }
        for (int i = first; i < end; i++) {
            figures.addSample(times[i], values[i]);
        }
        if (hasRange) {
            figures.addRate(increase / ((times[end - 1] - times[first]) / 1e9));
        }
    }

    /** The newest sample, for evidence; a series is never empty while it is kept. */
    public String describeLast() {
        return id + " = " + values[size - 1];
    }

    void writeTo(StateOutput out) {
        out.writeString(id);
        out.writeLong(Double.doubleToRawLongBits(bucketBound));
        out.writeLong(samplesDropped);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(times[i]);
            out.writeLong(Double.doubleToRawLongBits(values[i]));
        }
    }

    static MetricSeries readFrom(StateInput in) {
        MetricSeries series = new MetricSeries(in.readString("series id"), Double.longBitsToDouble(in.readLong("bucket bound")));
        series.samplesDropped = in.readCounter("samples dropped");
        int count = in.readCount("samples of " + series.id, MAX_SAMPLES, 2 * Long.BYTES);
        for (int i = 0; i < count; i++) {
            long time = in.readLong("sample time");
            if (i > 0 && time <= series.times[i - 1]) {
                throw new CorruptStateException("samples of " + series.id + " are out of time order");
            }
            series.add(time, Double.longBitsToDouble(in.readLong("sample value")));
        }
        return series;
    }

    private int firstAtOrAfter(long nanos) {
        int i = 0;
        while (i < size && times[i] < nanos) {
            i++;
        }
        return i;
    }

    private void shiftOut(int count) {
        if (count == 0) {
            return;
        }
        System.arraycopy(times, count, times, 0, size - count);
        System.arraycopy(values, count, values, 0, size - count);
        size -= count;
    }
}

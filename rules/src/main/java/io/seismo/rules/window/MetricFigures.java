package io.seismo.rules.window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregates of one key's samples over one window, summed over the key's series: {@code last} (the newest
 * sample), {@code min}, {@code max}, {@code avg}, {@code count}, {@code rate} (per-second increase of a counter,
 * resets counted from zero, summed over series like {@code sum(rate(…))}) and {@code quantile(q)} from histogram
 * bucket increases, as Prometheus' {@code histogram_quantile(q, sum by (le) (increase(…_bucket)))} computes it.
 * A figure the window cannot give is NaN, which makes every comparison with it false. Reused: reset per key.
 */
public final class MetricFigures {
    private final TreeMap<Double, Double> bucketIncreases = new TreeMap<>();
    private long count;
    private double min;
    private double max;
    private double sum;
    private long lastTimeNanos;
    private double last;
    private double rate;
    private boolean hasRate;

    public MetricFigures() {
        reset();
    }

    public void reset() {
        bucketIncreases.clear();
        count = 0;
        min = Double.NaN;
        max = Double.NaN;
        sum = 0;
        lastTimeNanos = Long.MIN_VALUE;
        last = Double.NaN;
        rate = 0;
        hasRate = false;
    }

    void addSample(long timeNanos, double value) {
        count++;
        min = count == 1 ? value : Math.min(min, value);
        max = count == 1 ? value : Math.max(max, value);
        sum += value;
        if (timeNanos >= lastTimeNanos) {
            lastTimeNanos = timeNanos;
            last = value;
        }
    }

    void addRate(double perSecond) {
        rate += perSecond;
        hasRate = true;
    }

    void addBucketIncrease(double upperBound, double increase) {
        bucketIncreases.merge(upperBound, increase, Double::sum);
    }

    public long count() {
        return count;
    }

    public double last() {
        return last;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double avg() {
        return count == 0 ? Double.NaN : sum / count;
    }

    public double rate() {
        return hasRate ? rate : Double.NaN;
    }

    /**
     * The {@code q}-quantile of the observations the histogram buckets counted in the window, interpolated
     * linearly inside the bucket it falls in (the lowest bucket starting at 0). NaN without a {@code +Inf}
     * bucket or without observations; the highest finite bound when it falls in the {@code +Inf} bucket.
     */
    public double quantile(double q) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (bucketIncreases.isEmpty() || bucketIncreases.lastKey() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double[] bounds = new double[bucketIncreases.size()];
        double[] counts = new double[bounds.length];
        int n = 0;
        for (Map.Entry<Double, Double> bucket : bucketIncreases.entrySet()) {
            bounds[n] = bucket.getKey();
            // Buckets are cumulative; scrapes taken at slightly different moments can break that, so keep it.
            counts[n] = n == 0 ? bucket.getValue() : Math.max(counts[n - 1], bucket.getValue());
            n++;
        }
        double total = counts[n - 1];
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        int i = 0;
        while (i < n - 1 && counts[i] < rank) {
            i++;
        }
        if (i == n - 1) {
            return n >= 2 ? bounds[n - 2] : Double.NaN;
        }
        if (i == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double lower = i == 0 ? 0 : bounds[i - 1];
        double below = i == 0 ? 0 : counts[i - 1];
        double inBucket = counts[i] - below;
        return inBucket <= 0 ? bounds[i] : lower + (bounds[i] - lower) * ((rank - below) / inBucket);
    }

    /** The finite figures under the names rules use, as a finding's values. */
    public Map<String, Double> asValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("count", (double) count);
        putFinite(values, "last", last());
        putFinite(values, "min", min());
        putFinite(values, "max", max());
        putFinite(values, "avg", avg());
        putFinite(values, "rate", rate());
        return values;
    }

    private static void putFinite(Map<String, Double> values, String name, double value) {
        if (Double.isFinite(value)) {
            values.put(name, value);
        }
    }
}

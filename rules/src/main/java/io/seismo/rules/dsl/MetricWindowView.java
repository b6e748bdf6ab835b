package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.MetricFigures;

/**
 * What the {@code fireWhen} closure of a metric rule sees: one key's samples over one window. A figure the window
 * cannot give (no samples; a rate from fewer than two; a quantile without buckets) reads as NaN, and a condition
 * that read one does not hold, whatever it compared: Groovy orders NaN above every number ({@code NaN > 4} is
 * true), so the comparison's own answer cannot be trusted.
 */
@RuleApi
public final class MetricWindowView {
    private MetricFigures figures;
    private boolean readUnavailable;

    void show(MetricFigures current) {
        this.figures = current;
        this.readUnavailable = false;
    }

    /** Whether the condition read a figure the window could not give since {@link #show}. */
    boolean readUnavailable() {
        return readUnavailable;
    }

    private double checked(double figure) {
        if (Double.isNaN(figure)) {
            readUnavailable = true;
        }
        return figure;
    }

    /** Samples in the window, over all the key's series. */
    public long getCount() {
        return figures.count();
    }

    /** The newest sample's value. */
    public double getLast() {
        return checked(figures.last());
    }

    public double getMin() {
        return checked(figures.min());
    }

    public double getMax() {
        return checked(figures.max());
    }

    public double getAvg() {
        return checked(figures.avg());
    }

    /** Per-second increase of a counter over the window, counter resets counted from zero, summed over series. */
    public double getRate() {
        return checked(figures.rate());
    }

    /** The {@code q}-quantile (0..1) of the observations the histogram's buckets counted in the window. */
    public double quantile(double q) {
        return checked(figures.quantile(q));
    }
}

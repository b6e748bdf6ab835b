package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleApi;

/** What a ratio rule's {@code fireWhen} sees of one key's window: {@code numerator}, {@code total}, {@code ratio}. */
@RuleApi
public final class RatioView {
    private long numerator;
    private long total;

    /** Called by the detector before each evaluation. */
    public void show(long numeratorEvents, long totalEvents) {
        this.numerator = numeratorEvents;
        this.total = totalEvents;
    }

    /** Events in the window that matched the numerator. */
    public long getNumerator() {
        return numerator;
    }

    /** Events in the window that matched the denominator. */
    public long getTotal() {
        return total;
    }

    /** Another name for {@link #getTotal()}. */
    public long getDenominator() {
        return total;
    }

    /** numerator / total; 0 on an empty window, so {@code ratio > x} never holds on no data. */
    public double getRatio() {
        return total == 0 ? 0.0 : (double) numerator / total;
    }
}

package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleApi;

/**
 * What a spike rule's {@code fireWhen} sees of one key: {@code current}, the count of the window ending now,
 * and {@code baseline}, the mean count per window over the trailing period before it.
 */
@RuleApi
public final class SpikeView {
    private long current;
    private double baseline;

    /** Called by the detector before each evaluation. */
    public void show(long currentCount, double baselineMean) {
        this.current = currentCount;
        this.baseline = baselineMean;
    }

    public long getCurrent() {
        return current;
    }

    /** Mean events per window over the trailing period, the current window left out; 0 without history. */
    public double getBaseline() {
        return baseline;
    }
}

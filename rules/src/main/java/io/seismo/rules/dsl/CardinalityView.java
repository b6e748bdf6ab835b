package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleApi;

/** What a cardinality rule's {@code fireWhen} sees of one key's window: {@code distinct}, {@code count}, {@code capped}. */
@RuleApi
public final class CardinalityView {
    private long distinct;
    private long count;
    private boolean capped;

    /** Called by the detector before each evaluation. */
    public void show(long distinctValues, long events, boolean reachedCap) {
        this.distinct = distinctValues;
        this.count = events;
        this.capped = reachedCap;
    }

    /** Distinct values in the window; at most the rule's maxDistinct. */
    public long getDistinct() {
        return distinct;
    }

    /** Events with a value in the window. */
    public long getCount() {
        return count;
    }

    /** Whether more distinct values were seen than the rule keeps (then {@code distinct} is a lower bound). */
    public boolean isCapped() {
        return capped;
    }
}

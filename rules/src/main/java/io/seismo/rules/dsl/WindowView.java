package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowCounts;

/** What {@code fireWhen} and {@code unhealthyWhen} closures see: one key's counts over one window. */
@RuleApi
public final class WindowView {
    private WindowCounts counts;

    void show(WindowCounts current) {
        this.counts = current;
    }

    /** Events in the window. */
    public long getCount() {
        return counts.events();
    }

    /** Events at level ERROR or worse. */
    public long getErrors() {
        return counts.errors();
    }

    /** Events at level WARN. */
    public long getWarnings() {
        return counts.warnings();
    }

    /** errors / count; 0 when the window is empty. */
    public double getErrorRatio() {
        return counts.errorRatio();
    }
}

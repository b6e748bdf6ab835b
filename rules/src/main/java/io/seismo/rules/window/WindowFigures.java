package io.seismo.rules.window;

import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable copy of one window's counts, for findings. */
public record WindowFigures(long count, long errors, long warnings, double errorRatio) {

    public static final WindowFigures NONE = new WindowFigures(0, 0, 0, 0.0);

    public static WindowFigures of(WindowCounts counts) {
        return new WindowFigures(counts.events(), counts.errors(), counts.warnings(), counts.errorRatio());
    }

    /** The figures under the names rules use for them, as a finding's values. */
    public Map<String, Double> asValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("count", (double) count);
        values.put("errors", (double) errors);
        values.put("warnings", (double) warnings);
        values.put("errorRatio", errorRatio);
        return values;
    }
}

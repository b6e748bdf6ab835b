package io.seismo.rules.finding;

import java.util.List;

/**
 * A metric rule firing for a service of a cascade when the cascade fired: the database's pool saturation next
 * to its error burst. {@code samples} are the newest values of a few of its series.
 */
public record MetricAnomaly(String service, String rule, String condition, List<String> samples) {
    public MetricAnomaly {
        samples = List.copyOf(samples);
    }

    /** One line for a person: {@code payments-db: db-pool-saturated (db_pool_in_use: max > 45): db_pool_in_use{pool="main"} = 48}. */
    public String describe() {
        return service + ": " + rule + (condition == null || condition.isBlank() ? "" : " (" + condition + ")")
                + (samples.isEmpty() ? "" : ": " + String.join(", ", samples));
    }
}

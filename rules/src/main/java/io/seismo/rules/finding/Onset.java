package io.seismo.rules.finding;

/** The event time at which a service turned unhealthy in a cascade. */
public record Onset(String service, long atNanos) {
}

package io.seismo.rules.correlate;

import java.util.List;

/**
 * A trace once its session gap has passed: what the API shows and what the dependency graph learns from.
 *
 * @param services          in the order they first appear in the trace (by event time)
 * @param edges             caller to callee, from span parents when the trace has them, else from call order
 * @param errorServices     services that logged an error in this trace, in first-seen order
 * @param firstErrorMessage the earliest error message of the trace, or null when there was none
 */
public record TraceSummary(
        String traceId,
        List<String> services,
        List<ServiceEdge> edges,
        List<String> errorServices,
        String firstErrorMessage,
        long eventCount,
        long startNanos,
        long endNanos) {

    public TraceSummary {
        services = List.copyOf(services);
        edges = List.copyOf(edges);
        errorServices = List.copyOf(errorServices);
    }

    public boolean hasErrors() {
        return !errorServices.isEmpty();
    }
}

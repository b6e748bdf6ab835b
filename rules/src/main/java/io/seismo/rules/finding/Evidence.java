package io.seismo.rules.finding;

import java.util.List;

/** Why a finding holds: a few sample messages and the trace ids they came from. Both lists are bounded. */
public record Evidence(List<String> sampleMessages, List<String> traceIds) {
    public static final Evidence NONE = new Evidence(List.of(), List.of());

    public Evidence {
        sampleMessages = List.copyOf(sampleMessages);
        traceIds = List.copyOf(traceIds);
    }
}

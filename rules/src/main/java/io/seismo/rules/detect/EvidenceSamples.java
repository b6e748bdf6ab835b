package io.seismo.rules.detect;

import io.seismo.rules.finding.Evidence;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The first few messages and trace ids a key saw, for a finding's evidence: for rules that fire on first
 * sight, the earliest events are the ones that explain it. Bounded by the engine's evidence limits.
 */
public final class EvidenceSamples {
    /** What an empty set of samples takes in a snapshot. */
    public static final int MIN_SAVED_BYTES = 2 * Integer.BYTES;

    private final List<String> messages;
    private final List<String> traceIds;

    public EvidenceSamples() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    private EvidenceSamples(List<String> messages, List<String> traceIds) {
        this.messages = messages;
        this.traceIds = traceIds;
    }

    public void add(String message, String traceId, DetectorLimits limits) {
        if (message != null && messages.size() < limits.evidenceMessages()) {
            messages.add(message);
        }
        if (traceId != null && traceIds.size() < limits.evidenceTraceIds() && !traceIds.contains(traceId)) {
            traceIds.add(traceId);
        }
    }

    public Evidence evidence() {
        return new Evidence(messages, traceIds);
    }

    public void writeTo(StateOutput out) {
        out.writeStrings(messages);
        out.writeStrings(traceIds);
    }

    /** Reads what {@link #writeTo} wrote; more samples than {@code limits} allow are corrupt. */
    public static EvidenceSamples readFrom(StateInput in, DetectorLimits limits) {
        List<String> messages = new ArrayList<>(in.readStrings("sample messages"));
        List<String> traceIds = new ArrayList<>(in.readStrings("sample trace ids"));
        if (messages.size() > limits.evidenceMessages() || traceIds.size() > limits.evidenceTraceIds()) {
            throw new CorruptStateException("a key holds " + messages.size() + " sample messages and "
                    + traceIds.size() + " trace ids, more than the engine keeps");
        }
        return new EvidenceSamples(messages, traceIds);
    }
}

package io.seismo.rules.detect;

import io.seismo.rules.finding.Evidence;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Keys forgotten while firing, to be reported resolved at the next boundary so no alert is left hanging. */
public final class EvictedFiringKeys {
    private static final int MIN_SAVED_BYTES = StateInput.MIN_STRING_BYTES + 2 * Integer.BYTES;

    private record Evicted(String key, Evidence evidence) {
    }

    private final List<Evicted> keys = new ArrayList<>();
    private final int maxKeys;

    /** {@code maxKeys}: each key is evicted at most once between two boundaries, so never more are pending. */
    public EvictedFiringKeys(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    public void add(String key, Evidence evidence) {
        keys.add(new Evicted(key, evidence));
    }

    /** Hands each pending key to {@code resolve} and forgets it. */
    public void drain(BiConsumer<String, Evidence> resolve) {
        keys.forEach(evicted -> resolve.accept(evicted.key(), evicted.evidence()));
        keys.clear();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public void writeTo(StateOutput out) {
        out.writeInt(keys.size());
        for (Evicted evicted : keys) {
            out.writeString(evicted.key());
            out.writeStrings(evicted.evidence().sampleMessages());
            out.writeStrings(evicted.evidence().traceIds());
        }
    }

    public StagedRestore readState(StateInput in) {
        int count = in.readCount("keys evicted while firing", maxKeys, MIN_SAVED_BYTES);
        List<Evicted> saved = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            saved.add(new Evicted(in.readString("evicted key"),
                    new Evidence(in.readStrings("sample messages"), in.readStrings("sample trace ids"))));
        }
        return () -> {
            keys.clear();
            keys.addAll(saved);
        };
    }
}

package io.seismo.rules.state;

import java.util.List;

/**
 * State that has been read and validated but not installed yet. A restore reads every part first and
 * installs them only when all of them were good, so a corrupt snapshot leaves the engine untouched (and
 * still fresh, ready for an older snapshot). {@link #apply()} never fails.
 */
@FunctionalInterface
public interface StagedRestore {

    void apply();

    /** One restore that applies {@code parts} in order. */
    static StagedRestore allOf(List<StagedRestore> parts) {
        List<StagedRestore> copy = List.copyOf(parts);
        return () -> copy.forEach(StagedRestore::apply);
    }
}

package io.seismo.rules.correlate;

import java.util.Objects;

/** {@code caller} calls {@code callee}. */
public record ServiceEdge(String caller, String callee) {
    public ServiceEdge {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
    }

    @Override
    public String toString() {
        return caller + "->" + callee;
    }
}

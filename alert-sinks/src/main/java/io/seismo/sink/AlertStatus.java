package io.seismo.sink;

/** Alertmanager's two states, spelled as its webhook spells them. */
public enum AlertStatus {
    FIRING, RESOLVED;

    public String wireName() {
        return this == FIRING ? "firing" : "resolved";
    }
}

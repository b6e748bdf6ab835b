package io.seismo.daemon.silence;

/** Where a silence is in its life, as Alertmanager names it: not started yet, muting, or over. */
public enum SilenceState {
    PENDING, ACTIVE, EXPIRED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

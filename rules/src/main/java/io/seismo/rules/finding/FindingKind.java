package io.seismo.rules.finding;

/** Which detector produced a finding. */
public enum FindingKind {
    THRESHOLD, CASCADE
}

package io.seismo.rules.detect;

/** The engine options every detector needs: how late events may be, and the bounds on keys and evidence. */
public record DetectorLimits(long allowedLatenessNanos, int maxKeys, int evidenceMessages, int evidenceTraceIds) {
}

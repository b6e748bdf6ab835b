package io.seismo.rules.detect;

import io.seismo.rules.dsl.EventView;
import io.seismo.rules.window.EvidenceSample;

/**
 * The engine options every detector needs: how late events may be, and the bounds on keys and evidence; with
 * the one {@link EvidenceSample} the keyed windows of the engine's rules share, and the one {@link EventView}
 * their {@code where} and {@code by} closures read events through.
 */
public record DetectorLimits(long allowedLatenessNanos, int maxKeys, int evidenceMessages, int evidenceTraceIds,
                             EvidenceSample evidenceSample, EventView eventView) {
}

package io.seismo.rules.engine;

import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.finding.Finding;
import java.util.List;

/** Receives what the engine produces, on the engine's thread. */
public interface EngineListener {

    /**
     * The findings of one evaluation step (one window boundary), never empty, CASCADE findings first (the
     * alerting layer inhibits the callers' own alerts with them), then by rule name and key. Immutable.
     */
    void onFindings(List<Finding> round);

    void onTraceClosed(TraceSummary trace);
}

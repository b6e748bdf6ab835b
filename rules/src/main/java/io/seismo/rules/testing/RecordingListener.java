package io.seismo.rules.testing;

import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything an engine reports, in order. */
public final class RecordingListener implements EngineListener {
    private final List<List<Finding>> rounds = new ArrayList<>();
    private final List<TraceSummary> traces = new ArrayList<>();

    @Override
    public void onFindings(List<Finding> round) {
        rounds.add(round);
    }

    @Override
    public void onTraceClosed(TraceSummary trace) {
        traces.add(trace);
    }

    /** Each {@code onFindings} call, in order. */
    public List<List<Finding>> rounds() {
        return List.copyOf(rounds);
    }

    /** Every finding, in the order reported. */
    public List<Finding> findings() {
        return rounds.stream().flatMap(List::stream).toList();
    }

    public List<TraceSummary> traces() {
        return List.copyOf(traces);
    }
}

package io.seismo.daemon.correlate;

import io.seismo.daemon.alerting.AlertDispatcher;
import io.seismo.daemon.metrics.FindingLatency;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.finding.Finding;

import java.util.List;

/**
 * Carries what the engine produces off the correlator thread without blocking it: findings to alerting
 * (which queues them on its own thread), closed traces to the API's store.
 */
public final class FindingsRelay implements EngineListener {
    private final AlertDispatcher alerting;
    private final RecentTraces traces;
    private final FindingLatency latency;

    public FindingsRelay(AlertDispatcher alerting, RecentTraces traces, FindingLatency latency) {
        this.alerting = alerting;
        this.traces = traces;
        this.latency = latency;
    }

    @Override
    public void onFindings(List<Finding> round) {
        alerting.submit(round);
        latency.onFindings(round.size());
    }

    @Override
    public void onTraceClosed(TraceSummary trace) {
        traces.add(trace);
    }
}

package io.seismo.agent.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.seismo.agent.AgentStats;
import io.seismo.agent.ScrapeStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent's counters as Prometheus metrics, read from ONE {@link AgentStats} snapshot per scrape: the agent's
 * loop keeps plain counters on its own thread, and nothing is counted twice or touched per line. The lag per
 * file is bounded to the {@link #MAX_LAG_PATHS} most lagging files; the others are summed under
 * {@code path="_other"}, so a host with thousands of files cannot flood Prometheus with series.
 */
final class AgentStatsCollector implements MultiCollector {
    static final int MAX_LAG_PATHS = 50;
    static final String OTHER_PATHS = "_other";

    private final Supplier<AgentStats> stats;

    AgentStatsCollector(Supplier<AgentStats> stats) {
        this.stats = stats;
    }

    @Override
    public MetricSnapshots collect() {
        AgentStats now = stats.get();
        ScrapeStats scrapes = now.scrapes();
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(counter("seismo_agent_lines_read", "Complete lines read from files", now.linesRead()));
        out.add(counter("seismo_agent_bytes_read", "Bytes of the lines read from files, newlines included", now.bytesRead()));
        out.add(counter("seismo_agent_batches_sent", "Batches POSTed to the daemon, retries included", now.batchesSent()));
        out.add(counter("seismo_agent_batches_acked", "Batches the daemon acknowledged", now.batchesAcked()));
        out.add(counter("seismo_agent_batch_retries", "Batch attempts that failed and were scheduled again", now.retries()));
        out.add(counter("seismo_agent_lines_truncated", "Lines cut to maxLineBytes", now.linesTruncated()));
        out.add(counter("seismo_agent_lines_dropped", "Lines given up on (refused by the daemon as too large)",
                now.linesDropped()));
        out.add(counter("seismo_agent_checkpoint_errors", "Offset checkpoint writes or reads that failed",
                now.checkpointErrors()));
        out.add(gauge("seismo_agent_open_files", "Files held open", Labels.EMPTY, now.openFiles()));
        out.add(gauge("seismo_agent_in_flight_batches", "Batches sent and not yet answered", Labels.EMPTY,
                now.inFlightBatches()));
        out.add(lag(now.lagBytes()));
        out.add(CounterSnapshot.builder().name("seismo_agent_scrapes").help("Scrapes of metric endpoints, by result")
                .dataPoint(point("result", "success", scrapes.succeeded()))
                .dataPoint(point("result", "failure", scrapes.failed()))
                .dataPoint(point("result", "skipped", scrapes.skipped()))
                .build());
        out.add(counter("seismo_agent_scrape_samples", "Samples taken from successful scrapes", scrapes.samples()));
        out.add(counter("seismo_agent_scrape_bad_lines", "Exposition lines that did not parse and were skipped",
                scrapes.badLines()));
        return new MetricSnapshots(out);
    }

    private static GaugeSnapshot lag(Map<String, Long> lagBytes) {
        GaugeSnapshot.Builder lag = GaugeSnapshot.builder().name("seismo_agent_lag_bytes")
                .help("Bytes of a tailed file not yet acknowledged by the daemon (size minus acked offset)");
        List<Map.Entry<String, Long>> byLag = new ArrayList<>(lagBytes.entrySet());
        byLag.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        long other = 0;
        for (int i = 0; i < byLag.size(); i++) {
            if (i < MAX_LAG_PATHS) {
                lag.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("path", byLag.get(i).getKey()))
                        .value(byLag.get(i).getValue()).build());
            } else {
                other += byLag.get(i).getValue();
            }
        }
        if (byLag.size() > MAX_LAG_PATHS) {
            lag.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("path", OTHER_PATHS)).value(other).build());
        }
        return lag.build();
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static CounterDataPointSnapshot point(String label, String labelValue, long value) {
        return CounterDataPointSnapshot.builder().labels(Labels.of(label, labelValue)).value(value).build();
    }

    private static GaugeSnapshot gauge(String name, String help, Labels labels, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build()).build();
    }
}

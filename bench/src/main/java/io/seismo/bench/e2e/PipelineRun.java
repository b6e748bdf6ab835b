package io.seismo.bench.e2e;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of generator, agent and daemon on this machine: warm up, measure, then stop writing and wait for the
 * daemon to catch up, so that loss is what never arrived.
 */
final class PipelineRun {
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final int SLOWEST_SHOWN = 5;

    private PipelineRun() {
    }

    static RunFigures run(E2eOptions options, Path work) throws Exception {
        int port = BenchFiles.freePort();
        List<Path> logs = BenchFiles.logFiles(work, options.files());
        IngestedLines ingestedLines = options.bindsBacklog() ? new IngestedLines(port) : null;
        Backlog backlog = ingestedLines == null ? Backlog.UNBOUNDED : new Backlog(options.maxBacklog(), ingestedLines::lines);
        try (ingestedLines;
             LogGenerator generator = new LogGenerator(logs, options.rate(), backlog, options.traceKeys());
             ProbeWebhook webhook = new ProbeWebhook(generator::probeWrittenAt)) {
            Path daemonConfig = BenchFiles.daemonConfig(work, port, options.rules(), options.traceKeys(),
                    options.parseThreads(), webhook.url());
            Path agentConfig = BenchFiles.agentConfig(work, port, options.agentTiming());
            try (SeismoProcess daemon = SeismoProcess.start(options.lib(), work, "daemon", daemonConfig, options.daemonJvm(),
                    List.of())) {
                awaitReady(port, daemon);
                long readyNanos = System.nanoTime();
                generator.start();
                try (SeismoProcess agent = SeismoProcess.start(options.lib(), work, "agent", agentConfig, options.agentJvm(),
                        List.of())) {
                    Thread.sleep(options.warmup().toMillis());
                    DaemonMetrics before = DaemonMetrics.scrape(port);
                    CpuSample cpuBefore = CpuSample.take(daemon.pid(), agent.pid(), generator.generatorThreadId());
                    DaemonMetrics after;
                    CpuSample cpuAfter;
                    double daemonRss;
                    double agentRss;
                    try (PeakRss daemonPeak = new PeakRss(daemon.pid()); PeakRss agentPeak = new PeakRss(agent.pid())) {
                        webhook.record(true);
                        Thread.sleep(options.measure().toMillis());
                        webhook.record(false);
                        after = DaemonMetrics.scrape(port);
                        cpuAfter = CpuSample.take(daemon.pid(), agent.pid(), generator.generatorThreadId());
                        daemonRss = daemonPeak.mib();
                        agentRss = agentPeak.mib();
                    }
                    generator.close();
                    printSlowest(webhook.slowest(SLOWEST_SHOWN), readyNanos);
                    double ingested = awaitCaughtUp(port, generator.linesWritten());
                    return figures(generator, webhook.latencies(), before, after, cpuBefore, cpuAfter, daemonRss, agentRss,
                            ingested);
                }
            }
        }
    }

    private static RunFigures figures(LogGenerator generator, Histogram latency, DaemonMetrics before, DaemonMetrics after,
                                      CpuSample cpuBefore, CpuSample cpuAfter, double daemonRss, double agentRss,
                                      double ingested) {
        double seconds = cpuAfter.seconds(cpuBefore);
        boolean timed = latency.getTotalCount() > 0;
        double lines = after.events() - before.events();
        double eventsPerSecond = lines / seconds;
        Map<Double, Double> findingsBefore = before.findingLatencyBuckets();
        Map<Double, Double> findingsAfter = after.findingLatencyBuckets();
        Map<Double, Double> waitBefore = before.ingestWaitBuckets();
        Map<Double, Double> waitAfter = after.ingestWaitBuckets();
        RoleCpu daemonBefore = cpuBefore.daemon();
        RoleCpu daemonAfter = cpuAfter.daemon();
        RunFigures.Builder figures = RunFigures.builder();
        figures.put(RunFigures.DAEMON_CPU_PER_LINE, daemonAfter.microsPerLine(daemonBefore, lines));
        for (ThreadRole role : ThreadRole.values()) {
            figures.put(RunFigures.daemonCpuPerLine(role), daemonAfter.microsPerLine(daemonBefore, role, lines));
        }
        return figures
                .put(RunFigures.EVENTS_PER_SECOND, eventsPerSecond)
                .put(RunFigures.FILE_MB_PER_SECOND, eventsPerSecond * generator.meanLineBytes() / 1e6)
                .put(RunFigures.MB_PER_SECOND, (after.bytes() - before.bytes()) / seconds / 1e6)
                .put(RunFigures.JOURNAL_BYTES_PER_LINE, (after.journalBytes() - before.journalBytes()) / lines)
                .put(RunFigures.OUTBOX_SYNCS_PER_SECOND, (after.outboxSyncs() - before.outboxSyncs()) / seconds)
                .put(RunFigures.LOSS, generator.linesWritten() - ingested)
                .put(RunFigures.CORRELATED_PER_SECOND, (after.correlated() - before.correlated()) / seconds)
                .put(RunFigures.LATE_EVENTS, after.late() - before.late())
                .put(RunFigures.TRACES_EVICTED, after.tracesEvicted() - before.tracesEvicted())
                .put(RunFigures.DAEMON_CPU,
                        CpuSample.percent(daemonAfter.totalSeconds(), daemonBefore.totalSeconds(), seconds))
                .put(RunFigures.DAEMON_GC_CPU, percent(daemonBefore, daemonAfter, ThreadRole.GC, seconds))
                .put(RunFigures.DAEMON_JIT_CPU, percent(daemonBefore, daemonAfter, ThreadRole.JIT, seconds))
                .put(RunFigures.DAEMON_RSS, daemonRss)
                .put(RunFigures.AGENT_CPU, CpuSample.percent(cpuAfter.agentSeconds(), cpuBefore.agentSeconds(), seconds))
                .put(RunFigures.AGENT_RSS, agentRss)
                .put(RunFigures.GENERATOR_CPU, CpuSample.percent(cpuAfter.generatorSeconds(), cpuBefore.generatorSeconds(), seconds))
                .put(RunFigures.LATENCY_SAMPLES, latency.getTotalCount())
                .put(RunFigures.P50, timed ? latency.getValueAtPercentile(50) / 1000.0 : Double.NaN)
                .put(RunFigures.P90, timed ? latency.getValueAtPercentile(90) / 1000.0 : Double.NaN)
                .put(RunFigures.P99, timed ? latency.getValueAtPercentile(99) / 1000.0 : Double.NaN)
                .put(RunFigures.MAX, timed ? latency.getMaxValue() / 1000.0 : Double.NaN)
                .put(RunFigures.FINDING_P50, 1000 * DaemonMetrics.quantile(findingsBefore, findingsAfter, 0.5))
                .put(RunFigures.FINDING_P99, 1000 * DaemonMetrics.quantile(findingsBefore, findingsAfter, 0.99))
                .put(RunFigures.FINDING_WITHIN_5MS, DaemonMetrics.withinPercent(findingsBefore, findingsAfter, 0.005))
                .put(RunFigures.WAIT_P50, 1000 * DaemonMetrics.quantile(waitBefore, waitAfter, 0.5))
                .put(RunFigures.WAIT_P99, 1000 * DaemonMetrics.quantile(waitBefore, waitAfter, 0.99))
                .put(RunFigures.WAIT_WITHIN_5MS, DaemonMetrics.withinPercent(waitBefore, waitAfter, 0.005))
                .build();
    }

    /** Per cent of one core the role's threads used over the window. */
    private static double percent(RoleCpu before, RoleCpu after, ThreadRole role, double seconds) {
        return CpuSample.percent(after.seconds(role), before.seconds(role), seconds);
    }

    private static void printSlowest(List<ProbeWebhook.Timed> slowest, long readyNanos) {
        StringBuilder line = new StringBuilder(
                "slowest probe alerts (arrival, seconds after the daemon was ready: line to webhook):");
        for (ProbeWebhook.Timed alert : slowest) {
            double arrivedSeconds = (alert.arrivedNanos() - readyNanos) / 1e9;
            line.append(String.format(" %.1f s: %,d ms;", arrivedSeconds, alert.latencyMicros() / 1_000));
        }
        System.out.println(line);
    }

    private static void awaitReady(int port, SeismoProcess daemon) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && daemon.isAlive()) {
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The daemon is still starting.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the daemon did not become ready; see its output in daemon.out");
    }

    /**
     * Waits until the daemon has ingested every line written, or {@link #CATCH_UP} has passed. A daemon flat out
     * may answer a scrape late; that is a slow answer, not the end of the run, so the last count seen stands.
     */
    private static double awaitCaughtUp(int port, long written) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        double ingested = 0;
        while (System.nanoTime() < deadline) {
            try {
                ingested = DaemonMetrics.scrape(port).events();
            } catch (java.io.IOException e) {
                // Asked again below.
            }
            if (ingested >= written) {
                break;
            }
            Thread.sleep(200);
        }
        return ingested;
    }
}

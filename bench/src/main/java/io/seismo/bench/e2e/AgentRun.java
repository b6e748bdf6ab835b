package io.seismo.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One run of the agent alone: the generator's files shipped to a sink that acknowledges at once. At a steady
 * rate the agent tails files being written; at {@code max} it drains a backlog written beforehand, since a
 * generator writing at the same time on the other core is slower than the agent and would be what is measured.
 */
final class AgentRun {
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final Duration START_UP = Duration.ofSeconds(60);
    /** The drain is measured between these shares of the backlog: JVM start-up before, the last batch's wait after. */
    private static final double DRAIN_FROM = 0.05;
    private static final double DRAIN_TO = 0.95;
    private static final long POLL_MILLIS = 20;

    private AgentRun() {
    }

    /** How this mode measures at a rate, printed with the results. */
    static String describe(Rate rate) {
        return rate.isMax()
                ? "the generator writes --warmup seconds of backlog, then stops; the agent's drain of it is measured "
                + "from " + Math.round(DRAIN_FROM * 100) + " % to " + Math.round(DRAIN_TO * 100) + " % (at most --seconds)"
                : "the agent tails files written at the rate; measured for --seconds after --warmup";
    }

    static RunFigures run(E2eOptions options, Path work) throws Exception {
        List<Path> logs = BenchFiles.logFiles(work, options.files());
        try (AckingSink sink = new AckingSink();
             LogGenerator generator = new LogGenerator(logs, options.rate(), options.traceKeys())) {
            Path agentConfig = BenchFiles.agentConfig(work, sink.port(), options.agentTiming());
            boolean pinned = CorePinning.available();
            if (pinned) {
                CorePinning.pinThisProcess(CorePinning.HARNESS_CORE);
            }
            generator.start();
            if (options.rate().isMax()) {
                Thread.sleep(options.warmup().toMillis());
                generator.close();
            }
            try (SeismoProcess agent = SeismoProcess.start(options.lib(), work, "agent", agentConfig, options.agentJvm(),
                    pinned ? CorePinning.launcher(CorePinning.AGENT_CORE) : List.of())) {
                Window window = options.rate().isMax()
                        ? drain(options, sink, generator, agent) : steady(options, sink, generator, agent);
                generator.close();
                awaitLines(sink, generator.linesWritten(), CATCH_UP);
                return window.figures(generator, sink);
            }
        }
    }

    private static Window steady(E2eOptions options, AckingSink sink, LogGenerator generator, SeismoProcess agent)
            throws InterruptedException {
        Thread.sleep(options.warmup().toMillis());
        try (PeakRss rss = new PeakRss(agent.pid())) {
            Mark start = Mark.take(sink, agent, generator.generatorThreadId());
            Thread.sleep(options.measure().toMillis());
            return Window.endingNow(start, sink, agent, generator.generatorThreadId(), rss);
        }
    }

    private static Window drain(E2eOptions options, AckingSink sink, LogGenerator generator, SeismoProcess agent)
            throws InterruptedException {
        long backlog = generator.linesWritten();
        awaitLines(sink, (long) (backlog * DRAIN_FROM), START_UP);
        try (PeakRss rss = new PeakRss(agent.pid())) {
            // The generator has stopped: no generator thread is part of this window.
            Mark start = Mark.take(sink, agent, CpuSample.NO_THREAD);
            awaitLines(sink, (long) (backlog * DRAIN_TO), options.measure());
            return Window.endingNow(start, sink, agent, CpuSample.NO_THREAD, rss);
        }
    }

    /** Waits until the sink has {@code lines}, or {@code atMost} has passed. */
    private static void awaitLines(AckingSink sink, long lines, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (sink.lines() < lines && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** What the sink had received and the CPU used so far, at one moment. */
    private record Mark(long lines, long bytes, CpuSample cpu) {
        static Mark take(AckingSink sink, SeismoProcess agent, long generatorThreadId) {
            return new Mark(sink.lines(), sink.bytes(), CpuSample.take(CpuSample.NO_PROCESS, agent.pid(), generatorThreadId));
        }
    }

    /** The measured window, and the agent's largest resident memory in it. */
    private record Window(Mark start, Mark end, double agentRssMiB) {
        static Window endingNow(Mark start, AckingSink sink, SeismoProcess agent, long generatorThreadId, PeakRss rss) {
            return new Window(start, Mark.take(sink, agent, generatorThreadId), rss.mib());
        }

        RunFigures figures(LogGenerator generator, AckingSink sink) {
            double seconds = end.cpu().seconds(start.cpu());
            double linesPerSecond = (end.lines() - start.lines()) / seconds;
            return RunFigures.builder()
                    .put(RunFigures.EVENTS_PER_SECOND, linesPerSecond)
                    .put(RunFigures.FILE_MB_PER_SECOND, linesPerSecond * generator.meanLineBytes() / 1e6)
                    // Bytes on the wire: each line after its 13-byte frame header.
                    .put(RunFigures.MB_PER_SECOND, (end.bytes() - start.bytes()) / seconds / 1e6)
                    .put(RunFigures.LOSS, generator.linesWritten() - sink.lines())
                    .put(RunFigures.AGENT_CPU, CpuSample.percent(end.cpu().agentSeconds(), start.cpu().agentSeconds(), seconds))
                    .put(RunFigures.AGENT_RSS, agentRssMiB)
                    .put(RunFigures.GENERATOR_CPU,
                            CpuSample.percent(end.cpu().generatorSeconds(), start.cpu().generatorSeconds(), seconds))
                    .build();
        }
    }
}

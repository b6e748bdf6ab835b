package io.seismo.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One run of the agent alone: the generator's files shipped to a sink that acknowledges at once. */
final class AgentRun {
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private AgentRun() {
    }

    static RunFigures run(E2eOptions options, Path work) throws Exception {
        List<Path> logs = BenchFiles.logFiles(work, options.files());
        try (AckingSink sink = new AckingSink();
             LogGenerator generator = new LogGenerator(logs, options.rate(), options.traceKeys())) {
            Path agentConfig = BenchFiles.agentConfig(work, sink.port());
            generator.start();
            try (SeismoProcess agent = SeismoProcess.start(options.lib(), work, "agent", agentConfig, BenchFiles.AGENT_JVM)) {
                Thread.sleep(options.warmup().toMillis());
                long linesBefore = sink.lines();
                long bytesBefore = sink.bytes();
                CpuSample cpuBefore = CpuSample.take(-1, agent.pid(), generator.generatorThreadId());
                Thread.sleep(options.measure().toMillis());
                long lines = sink.lines() - linesBefore;
                long bytes = sink.bytes() - bytesBefore;
                CpuSample cpuAfter = CpuSample.take(-1, agent.pid(), generator.generatorThreadId());
                double agentRss = ProcessStats.rssMiB(agent.pid());
                generator.close();
                long deadline = System.nanoTime() + CATCH_UP.toNanos();
                while (sink.lines() < generator.linesWritten() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                double seconds = cpuAfter.seconds(cpuBefore);
                return RunFigures.builder()
                        .put(RunFigures.EVENTS_PER_SECOND, lines / seconds)
                        // Envelope bytes on the wire: each line escaped inside a small JSON object.
                        .put(RunFigures.MB_PER_SECOND, bytes / seconds / 1e6)
                        .put(RunFigures.LOSS, generator.linesWritten() - sink.lines())
                        .put(RunFigures.AGENT_CPU, CpuSample.percent(cpuAfter.agentSeconds(), cpuBefore.agentSeconds(), seconds))
                        .put(RunFigures.AGENT_RSS, agentRss)
                        .put(RunFigures.GENERATOR_CPU,
                                CpuSample.percent(cpuAfter.generatorSeconds(), cpuBefore.generatorSeconds(), seconds))
                        .build();
            }
        }
    }
}

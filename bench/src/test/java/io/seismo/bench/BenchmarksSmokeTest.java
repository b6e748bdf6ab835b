package io.seismo.bench;

import io.seismo.bench.rules.ThresholdRuleBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark for a moment in this JVM, so that the harness cannot rot between the times someone
 * measures with it. It checks that each benchmark runs and produces a score, never how fast.
 */
class BenchmarksSmokeTest {

    @Test
    void shouldRunEveryBenchmarkAndScoreIt() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("io\\.seismo\\.bench\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build()).run();

        assertThat(results).extracting(result -> result.getParams().getBenchmark() + result.getParams().getParam("form"))
                .contains(ThresholdRuleBenchmark.class.getName() + ".onEventgroovy",
                        ThresholdRuleBenchmark.class.getName() + ".onEventjava");
        assertThat(results).allSatisfy(result ->
                assertThat(result.getPrimaryResult().getScore()).as(result.getParams().getBenchmark()).isPositive());
    }
}

package io.seismo.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void shouldTellTheCollectorsThreadsFromTheOthersByTheirNames() {
        assertThat(ProcessStats.isGcThread("GC Thread#1")).isTrue();
        assertThat(ProcessStats.isGcThread("G1 Refine#0")).isTrue();
        assertThat(ProcessStats.isGcThread("G1 Conc#0")).isTrue();
        assertThat(ProcessStats.isGcThread("ZWorker#3")).isTrue();
        assertThat(ProcessStats.isGcThread("seismo-pipelin")).isFalse();
        assertThat(ProcessStats.isGcThread("C2 CompilerThre")).isFalse();
        assertThat(ProcessStats.isGcThread("VM Thread")).isFalse();
    }

    @Test
    void shouldTellTheJitCompilersThreadsFromTheOthersByTheirNames() {
        assertThat(ProcessStats.isJitThread("C2 CompilerThre")).isTrue();
        assertThat(ProcessStats.isJitThread("C1 CompilerThre")).isTrue();
        assertThat(ProcessStats.isJitThread("GC Thread#1")).isFalse();
        assertThat(ProcessStats.isJitThread("seismo-pipelin")).isFalse();
    }

    @Test
    void shouldCountTheCollectorsCpuAsPartOfTheProcesssOwn() {
        long pid = ProcessHandle.current().pid();
        double gc = ProcessStats.gcCpuSeconds(pid);

        assertThat(gc).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(ProcessStats.cpuSeconds(pid));
        assertThat(ProcessStats.gcCpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void shouldCountTheJitCompilersCpuAsPartOfTheProcesssOwn() {
        long pid = ProcessHandle.current().pid();
        double jit = ProcessStats.jitCpuSeconds(pid);

        // This JVM compiled the test framework's code on its way here: its compiler threads took some time.
        assertThat(jit).isGreaterThan(0).isLessThanOrEqualTo(ProcessStats.cpuSeconds(pid));
        assertThat(ProcessStats.jitCpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
    }
}

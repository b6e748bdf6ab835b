package io.seismo.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void shouldSplitTheProcesssOwnCpuByTheRolesOfItsThreads() {
        long pid = ProcessHandle.current().pid();
        RoleCpu cpu = ProcessStats.roleCpu(pid);

        assertThat(cpu.totalSeconds()).isPositive().isLessThanOrEqualTo(ProcessStats.cpuSeconds(pid));
        assertThat(cpu.seconds(ThreadRole.GC)).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(cpu.totalSeconds());
        // This JVM compiled the test framework's code on its way here: its compiler threads took some time.
        assertThat(cpu.seconds(ThreadRole.JIT)).isGreaterThan(0).isLessThanOrEqualTo(cpu.totalSeconds());
        // The main thread ("java") is nobody's role; the process's line is read after its threads'.
        assertThat(cpu.seconds(ThreadRole.REST)).isPositive();
    }

    @Test
    void shouldSayWhenTheProcessIsGone() {
        assertThat(ProcessStats.cpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(ProcessStats.roleCpu(Long.MAX_VALUE).totalSeconds()).isNaN();
    }
}
